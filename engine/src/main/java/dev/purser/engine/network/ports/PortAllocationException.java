package dev.purser.engine.network.ports;

/** A published port could not be had: another container holds it, or the host's socket could not be bound. */
public final class PortAllocationException extends RuntimeException {
    public PortAllocationException(String message) {
        super(message);
    }
}
