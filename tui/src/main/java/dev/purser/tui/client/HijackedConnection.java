package dev.purser.tui.client;

import java.io.InputStream;
import java.io.OutputStream;

/**
 * A hijacked Engine API connection (attach, exec start) with both directions under the caller's
 * control: every write goes out at once, {@link #shutdownOutput()} half-closes (Docker's
 * CloseWrite, so a StdinOnce container sees EOF while its output keeps coming), and
 * {@link #close()} unblocks a reader on another thread — what a detach and a piped stdin need.
 */
public final class HijackedConnection implements AutoCloseable {
    private final Response response;
    private final OutputStream output;

    HijackedConnection(Response response) {
        this.response = response;
        this.output = response.output();
    }

    /** What the daemon sends: raw bytes for a TTY, stdcopy frames otherwise. */
    public InputStream input() {
        return response.body();
    }

    /** To the container's stdin; each write is sent at once. */
    public OutputStream output() {
        return output;
    }

    /** Half-closes: the daemon sees the end of stdin, output keeps coming. */
    public void shutdownOutput() {
        response.shutdownOutput();
    }

    @Override
    public void close() {
        response.close();
    }
}
