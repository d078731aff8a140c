package dev.purser.engine.network;

/** A container's network could not be set up; nothing of it is left on the host. */
public final class NetworkSetupException extends RuntimeException {
    public NetworkSetupException(String message, Throwable cause) {
        super(message, cause);
    }
}
