package dev.purser.engine.image;

/** The reference names no image in the store; the message is Docker's ({@code No such image: x}). */
public final class NoSuchImageException extends RuntimeException {
    private final String reference;

    public NoSuchImageException(String reference) {
        super("No such image: " + reference);
        this.reference = reference;
    }

    public String reference() {
        return reference;
    }
}
