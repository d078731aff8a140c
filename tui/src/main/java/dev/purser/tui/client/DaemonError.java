package dev.purser.tui.client;

/**
 * The daemon answered with an error status. {@link #getMessage()} is docker's
 * "Error response from daemon: ..." text; {@link #daemonMessage()} the daemon's own words.
 */
public final class DaemonError extends RuntimeException {
    private final int status;
    private final String daemonMessage;

    public DaemonError(int status, String daemonMessage) {
        super("Error response from daemon: " + daemonMessage);
        this.status = status;
        this.daemonMessage = daemonMessage;
    }

    public int status() {
        return status;
    }

    public String daemonMessage() {
        return daemonMessage;
    }

    public boolean isNotFound() {
        return status == 404;
    }
}
