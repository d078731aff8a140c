package dev.purser.tui.cli;

/** A failure to report to the user with docker's exit code; the message is printed as is. */
public final class CliError extends RuntimeException {
    private final int exitCode;

    public CliError(String message, int exitCode) {
        super(message);
        this.exitCode = exitCode;
    }

    public int exitCode() {
        return exitCode;
    }
}
