package dev.purser.engine.container;

/**
 * The container's process could not be started. {@link #exitCode()} is what {@code docker run}
 * exits with: 127 for a command not found, 126 for one that cannot be invoked, 125 otherwise.
 */
public final class ContainerStartException extends RuntimeException {
    private final int exitCode;

    public ContainerStartException(String message, int exitCode, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    public int exitCode() {
        return exitCode;
    }
}
