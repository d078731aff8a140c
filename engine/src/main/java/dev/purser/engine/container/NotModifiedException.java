package dev.purser.engine.container;

/** The container already is in the state asked for (Docker answers 304 Not Modified). */
public final class NotModifiedException extends RuntimeException {
    public NotModifiedException(String message) {
        super(message);
    }
}
