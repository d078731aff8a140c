package dev.purser.pty;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The client side of {@code -it}: keys from the local terminal go to the remote stream (the
 * daemon connection), output from the remote stream goes to the local terminal.
 *
 * <p>Each direction is a thread that writes and flushes every read as it arrives: no line
 * buffering and no batching, so a key press costs one read and one write. The relay ends when the
 * remote stream ends, when the detach keys are typed, when either side fails, or on
 * {@link #close()}; ending stops both directions by closing both input streams. Pass a
 * {@link StoppableInput} as the local input so that stopping does not close the user's terminal
 * and leaves no thread blocked on it. Output streams are left open: they belong to the caller.
 */
public final class TerminalRelay implements AutoCloseable {

    /** Why a relay ended. */
    public enum End {
        /** The remote stream reached its end: the container exited or the daemon detached us. */
        REMOTE_CLOSED,
        /** The detach keys were typed locally. */
        DETACHED,
        /** {@link #close()} was called. */
        STOPPED,
        /** A read or write failed; see {@link #failure()}. */
        FAILED
    }

    private static final int CHUNK = 8192;

    private final InputStream localIn;
    private final InputStream remoteIn;
    private final CompletableFuture<End> end = new CompletableFuture<>();
    private final AtomicReference<IOException> failure = new AtomicReference<>();

    private TerminalRelay(InputStream localIn, InputStream remoteIn) {
        this.localIn = localIn;
        this.remoteIn = remoteIn;
    }

    /** Starts relaying in both directions on two daemon threads. */
    public static TerminalRelay start(InputStream localIn, OutputStream localOut,
                                      InputStream remoteIn, OutputStream remoteOut,
                                      RelayOptions options) {
        TerminalRelay relay = new TerminalRelay(localIn, remoteIn);
        Optional<DetachFilter> filter = options.detachKeys().map(DetachFilter::new);
        relay.spawn("purser-relay-input", () -> relay.copyInput(localIn, remoteOut, filter, options.onLocalEnd()));
        relay.spawn("purser-relay-output", () -> relay.copyOutput(remoteIn, localOut));
        return relay;
    }

    private void spawn(String name, IoTask task) {
        Thread thread = new Thread(() -> {
            try {
                task.run();
            } catch (IOException e) {
                // After the relay has ended, closing the inputs makes blocked reads fail; that is
                // the stop working, not a failure.
                if (!end.isDone()) {
                    failure.compareAndSet(null, e);
                    finish(End.FAILED);
                }
            }
        }, name);
        thread.setDaemon(true);
        thread.start();
    }

    private void copyInput(InputStream in, OutputStream out, Optional<DetachFilter> filter, Runnable onLocalEnd)
            throws IOException {
        byte[] buffer = new byte[CHUNK];
        int n;
        while (!end.isDone() && (n = in.read(buffer, 0, buffer.length)) >= 0) {
            if (filter.isEmpty()) {
                out.write(buffer, 0, n);
                out.flush();
                continue;
            }
            DetachFilter.Filtered filtered = filter.get().filter(buffer, 0, n);
            if (filtered.deliver().length > 0) {
                out.write(filtered.deliver());
                out.flush();
            }
            if (filtered.detached()) {
                finish(End.DETACHED);
                return;
            }
        }
        if (!end.isDone()) {
            onLocalEnd.run();
        }
    }

    private void copyOutput(InputStream in, OutputStream out) throws IOException {
        byte[] buffer = new byte[CHUNK];
        int n;
        while ((n = in.read(buffer, 0, buffer.length)) >= 0) {
            out.write(buffer, 0, n);
            out.flush();
        }
        finish(End.REMOTE_CLOSED);
    }

    private void finish(End why) {
        if (end.complete(why)) {
            closeQuietly(localIn);
            closeQuietly(remoteIn);
        }
    }

    private static void closeQuietly(Closeable closeable) {
        try {
            closeable.close();
        } catch (IOException ignored) {
            // Stopping is best effort: the stream may already be closed by its other end.
        }
    }

    /** Waits until the relay ends and says why. */
    public End await() throws InterruptedException {
        try {
            return end.get();
        } catch (ExecutionException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    /** Whether the relay has ended. */
    public boolean ended() {
        return end.isDone();
    }

    /** The error that ended the relay, when it ended with {@link End#FAILED}. */
    public Optional<IOException> failure() {
        return Optional.ofNullable(failure.get());
    }

    /** Stops both directions; the relay ends with {@link End#STOPPED} unless it had ended already. */
    @Override
    public void close() {
        finish(End.STOPPED);
    }

    @FunctionalInterface
    private interface IoTask {
        void run() throws IOException;
    }
}
