package dev.purser.engine.container;

/** Input that arrived before the container was started, and whether its end came too. */
final class PendingStdin {
    private final java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    private boolean closed;

    void close() {
        closed = true;
    }

    void write(byte[] data) {
        if (!closed) {
            bytes.writeBytes(data);
        }
    }

    void deliverTo(ProcessStdio stdio) {
        if (bytes.size() > 0) {
            stdio.write(bytes.toByteArray());
        }
        if (closed) {
            stdio.closeInput();
        }
    }
}
