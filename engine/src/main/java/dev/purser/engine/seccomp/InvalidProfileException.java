package dev.purser.engine.seccomp;

/** A seccomp profile that cannot be applied; the message is Docker's where Docker has one. */
public final class InvalidProfileException extends IllegalArgumentException {
    public InvalidProfileException(String message) {
        super(message);
    }
}
