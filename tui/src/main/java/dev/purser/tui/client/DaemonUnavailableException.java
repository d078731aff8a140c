package dev.purser.tui.client;

/** Nothing usable answers at the daemon's address; the message reads like docker's. */
public final class DaemonUnavailableException extends RuntimeException {
    public DaemonUnavailableException(String message) {
        super(message);
    }

    static DaemonUnavailableException notRunning(String host) {
        return new DaemonUnavailableException("Cannot connect to the purser daemon at " + host + ". Is the daemon running?");
    }

    static DaemonUnavailableException permissionDenied(String host) {
        return new DaemonUnavailableException("permission denied while trying to connect to the purser daemon socket at "
                + host + ": connect: permission denied");
    }
}
