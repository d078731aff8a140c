package dev.purser.engine.api;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;

/**
 * A request body in memory: sized once from its Content-Length, so it is neither grown by
 * doubling nor copied when handed to the endpoint.
 */
final class BodyBuffer extends ByteArrayOutputStream {
    BodyBuffer(int expected) {
        super(expected);
    }

    int capacity() {
        return buf.length;
    }

    /** The body; the buffer itself when it is exactly full. */
    byte[] bytes() {
        return count == buf.length ? buf : Arrays.copyOf(buf, count);
    }
}
