package dev.purser.engine.image;

/**
 * Removing the image would break something (a container uses it, or several repositories
 * reference it); the API layer maps this to HTTP 409 like Docker does.
 */
public final class ImageConflictException extends RuntimeException {
    public ImageConflictException(String message) {
        super(message);
    }
}
