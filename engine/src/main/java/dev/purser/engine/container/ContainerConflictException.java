package dev.purser.engine.container;

/** The operation conflicts with the container's state or with another container (HTTP 409 in Docker's API). */
public final class ContainerConflictException extends RuntimeException {
    public ContainerConflictException(String message) {
        super(message);
    }
}
