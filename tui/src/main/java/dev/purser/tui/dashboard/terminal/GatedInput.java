package dev.purser.tui.dashboard.terminal;

import dev.purser.pty.StoppableInput;
import java.io.IOException;
import java.io.InputStream;

/**
 * The dashboard's keyboard: fd 0, read only while the gate is open. While a shell session owns
 * the terminal the gate is shut, and a reader blocked here (Lanterna's input thread) waits without
 * touching fd 0, so every key goes to the session (lanterna-traps T1).
 *
 * <p>Each open period reads through a {@link StoppableInput} of its own; shutting the gate stops
 * it, which wakes a reader out of poll(2) without consuming a byte. Bytes read but not yet asked
 * for are kept here and counted by {@link #available()}, so Lanterna sees the rest of an escape
 * sequence that arrived in one read.
 */
public final class GatedInput extends InputStream {
    private final int fd;
    private final byte[] buffer = new byte[4096];
    private int start;
    private int end;
    private boolean open;
    private boolean closed;
    private StoppableInput current;

    public GatedInput(int fd) {
        this.fd = fd;
    }

    /** Lets readers at fd 0 again. */
    public synchronized void open() throws IOException {
        if (open || closed) return;
        current = StoppableInput.of(fd);
        open = true;
        notifyAll();
    }

    /** Stops every reader from touching fd 0 until {@link #open()}; returns at once. */
    public void shut() {
        StoppableInput stopping;
        synchronized (this) {
            if (!open) return;
            open = false;
            stopping = current;
            current = null;
        }
        closeQuietly(stopping);
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] into, int offset, int length) throws IOException {
        if (length == 0) return 0;
        while (true) {
            StoppableInput source;
            synchronized (this) {
                if (end > start) return drain(into, offset, length);
                source = awaitOpen();
                if (source == null) return -1;
            }
            int n = source.read(buffer, 0, buffer.length);
            synchronized (this) {
                if (n > 0) {
                    start = 0;
                    end = n;
                    return drain(into, offset, length);
                }
                // -1 from a stopped source means the gate shut: wait for it to open again
                if (n < 0 && open && current == source) return -1;
            }
        }
    }

    /** Bytes already read from fd 0 and not yet handed out; 0 while the gate is shut. */
    @Override
    public synchronized int available() {
        return open ? end - start : 0;
    }

    @Override
    public void close() {
        StoppableInput stopping;
        synchronized (this) {
            closed = true;
            open = false;
            stopping = current;
            current = null;
            notifyAll();
        }
        closeQuietly(stopping);
    }

    private StoppableInput awaitOpen() throws IOException {
        while (!open && !closed) {
            try {
                wait();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new java.io.InterruptedIOException("interrupted while the dashboard's input was shut");
            }
        }
        return closed ? null : current;
    }

    private int drain(byte[] into, int offset, int length) {
        int n = Math.min(length, end - start);
        System.arraycopy(buffer, start, into, offset, n);
        start += n;
        return n;
    }

    private static void closeQuietly(StoppableInput input) {
        if (input == null) return;
        try {
            input.close();
        } catch (IOException ignored) {
            // stopping is best effort: the pipe may be gone already
        }
    }
}
