package dev.purser.tui.dashboard.stream;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;

/**
 * Reads a container's log stream line by line: Docker's multiplexed frames (8-byte header,
 * stream type 1 stdout / 2 stderr) or, for a TTY container, raw bytes. A frame may end in the
 * middle of a line; each stream keeps its partial line until the rest comes.
 */
public final class LogLines {
    /** A complete line and the stream it came on. */
    public record Line(String text, boolean stderr) {}

    private final DataInputStream in;
    private final boolean tty;
    private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();
    private final ArrayDeque<Line> ready = new ArrayDeque<>();
    private final byte[] header = new byte[8];
    private final byte[] raw = new byte[8192];
    /** Frames' payloads are read into this one buffer (a new array per frame is one per log line). */
    private byte[] payload = new byte[8192];
    private boolean ended;

    public LogLines(InputStream in, boolean tty) {
        this.in = new DataInputStream(in);
        this.tty = tty;
    }

    /** The next line, blocking until one is complete; null at the end of the stream. */
    public Line next() throws IOException {
        while (ready.isEmpty()) {
            if (ended) return null;
            if (!fill()) {
                ended = true;
                flush(stdout, false);
                flush(stderr, true);
            }
        }
        return ready.poll();
    }

    private boolean fill() throws IOException {
        if (tty) {
            int n = in.read(raw);
            if (n < 0) return false;
            split(raw, 0, n, stdout, false);
            return true;
        }
        try {
            in.readFully(header);
        } catch (EOFException end) {
            return false;
        }
        int length = ((header[4] & 0xff) << 24) | ((header[5] & 0xff) << 16) | ((header[6] & 0xff) << 8) | (header[7] & 0xff);
        if (length > payload.length) payload = new byte[Math.max(length, 2 * payload.length)];
        in.readFully(payload, 0, length);
        boolean err = header[0] == 2;
        split(payload, 0, length, err ? stderr : stdout, err);
        return true;
    }

    private void split(byte[] bytes, int offset, int length, ByteArrayOutputStream partial, boolean err) {
        int start = offset;
        for (int i = offset; i < offset + length; i++) {
            if (bytes[i] == '\n') {
                partial.write(bytes, start, i - start);
                flush(partial, err);
                start = i + 1;
            }
        }
        partial.write(bytes, start, offset + length - start);
    }

    private void flush(ByteArrayOutputStream partial, boolean err) {
        if (partial.size() == 0 && ended) return;
        String text = partial.toString(StandardCharsets.UTF_8);
        partial.reset();
        if (text.endsWith("\r")) text = text.substring(0, text.length() - 1);
        ready.add(new Line(text, err));
    }
}
