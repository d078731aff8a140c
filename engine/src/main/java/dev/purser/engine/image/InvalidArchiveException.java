package dev.purser.engine.image;

import java.io.IOException;

/**
 * A tarball or layer is malformed, fails digest verification, or tries to write outside its
 * directory. Nothing of it has been kept when this is thrown.
 */
public final class InvalidArchiveException extends IOException {
    public InvalidArchiveException(String message) {
        super(message);
    }

    public InvalidArchiveException(String message, Throwable cause) {
        super(message, cause);
    }
}
