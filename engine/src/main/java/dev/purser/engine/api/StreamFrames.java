package dev.purser.engine.api;

import java.io.ByteArrayOutputStream;

/**
 * Docker's stream framing. Without a TTY, stdout and stderr share one connection as frames of
 * an 8-byte header (stream id, three zero bytes, big-endian length) and the payload; with a
 * TTY the bytes go raw. Small writes are gathered into larger ones, since a log of many short
 * lines would otherwise cost a network write per line.
 */
final class StreamFrames {
    static final String MULTIPLEXED = "application/vnd.docker.multiplexed-stream";
    static final String RAW = "application/vnd.docker.raw-stream";
    private static final int GATHER = 32 * 1024;

    private final Exchange.ResponseStream out;
    private final boolean raw;
    private final ByteArrayOutputStream pending = new ByteArrayOutputStream();

    StreamFrames(Exchange.ResponseStream out, boolean raw) {
        this.out = out;
        this.raw = raw;
    }

    static byte[] header(int stream, int length) {
        return new byte[] {(byte) stream, 0, 0, 0,
            (byte) (length >>> 24), (byte) (length >>> 16), (byte) (length >>> 8), (byte) length};
    }

    synchronized void write(int stream, byte[] data) {
        write(stream, data, 0, data.length);
    }

    synchronized void write(int stream, byte[] data, int offset, int length) {
        if (!raw) {
            pending.writeBytes(header(stream, length));
        }
        pending.write(data, offset, length);
        if (pending.size() >= GATHER) {
            flush();
        }
    }

    /** Writes a frame and sends it at once (live output, where latency matters more than batching). */
    synchronized void writeNow(int stream, byte[] data, int offset, int length) {
        write(stream, data, offset, length);
        flush();
    }

    synchronized void flush() {
        if (pending.size() > 0) {
            out.write(pending.toByteArray());
            pending.reset();
        }
    }
}
