package dev.purser.tui.cli;

import dev.purser.pty.DetachKeys;
import dev.purser.pty.RawMode;
import dev.purser.pty.RelayOptions;
import dev.purser.pty.StoppableInput;
import dev.purser.pty.TerminalRelay;
import dev.purser.pty.WindowSize;
import dev.purser.pty.WindowWatcher;
import dev.purser.tui.client.HijackedConnection;
import dev.purser.tui.client.StreamDemux;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiConsumer;

/**
 * The client side of one attached session (run, start -a, attach, exec), as docker/cli's
 * hijackedIOStreamer: the user's stdin to the container, its output back, until the container
 * side ends or the detach keys are typed.
 *
 * <ul>
 *   <li>TTY with stdin: the local terminal goes raw (only when stdin is one), bytes are relayed
 *       both ways as they come, the detach keys are watched client-side too.</li>
 *   <li>No TTY: output is demultiplexed to stdout/stderr; stdin, when attached, is copied and
 *       the connection half-closed at its end, so a StdinOnce container sees EOF.</li>
 * </ul>
 *
 * <p>{@link #close()} puts everything back (size watcher, relay, terminal mode, connection) and
 * is safe on every path; the terminal is also restored by RawMode's shutdown hook.
 */
final class AttachedStreams implements AutoCloseable {
    /** How a session ended. */
    enum End { REMOTE_CLOSED, DETACHED, FAILED }

    private final Session session;
    private final HijackedConnection connection;
    private RawMode raw;
    private TerminalRelay relay;
    private CompletableFuture<End> plain;
    private WindowWatcher watcher;

    private AttachedStreams(Session session, HijackedConnection connection) {
        this.session = session;
        this.connection = connection;
    }

    /**
     * Starts relaying on {@code connection}. With {@code tty} and stdin on a terminal, the terminal
     * is put in raw mode first.
     */
    static AttachedStreams start(Session session, HijackedConnection connection, boolean tty, boolean withStdin,
                                 DetachKeys detachKeys) throws IOException {
        AttachedStreams streams = new AttachedStreams(session, connection);
        try {
            if (tty) streams.startTty(withStdin, detachKeys);
            else streams.startPlain(withStdin);
        } catch (IOException | RuntimeException e) {
            streams.close();
            throw e;
        }
        return streams;
    }

    private void startTty(boolean withStdin, DetachKeys detachKeys) throws IOException {
        InputStream localIn;
        if (!withStdin) {
            localIn = InputStream.nullInputStream();
        } else if (session.stdinTerminal()) {
            raw = RawMode.enter(0);
            localIn = StoppableInput.of(0);
        } else {
            localIn = session.in;
        }
        RelayOptions options = RelayOptions.plain().onLocalEnd(connection::shutdownOutput);
        if (withStdin) options = options.detachOn(detachKeys);
        relay = TerminalRelay.start(localIn, session.out, connection.input(), connection.output(), options);
    }

    private boolean plainStdin;

    private void startPlain(boolean withStdin) {
        plainStdin = withStdin;
        if (!withStdin) connection.shutdownOutput();
        plain = Background.supply("purser-output", () -> {
            try {
                StreamDemux.copy(connection.input(), false, session.out, session.err);
                return End.REMOTE_CLOSED;
            } catch (IOException e) {
                return End.FAILED;
            }
        });
    }

    /**
     * Starts copying stdin (no TTY) once the container runs: input sent to a container that has
     * not started yet would be lost, and so would the end of it.
     */
    private void beginPlainInput() {
        if (plain != null && plainStdin) {
            Thread input = new Thread(() -> {
                byte[] buffer = new byte[8192];
                OutputStream out = connection.output();
                try {
                    for (int n; (n = session.in.read(buffer)) >= 0; ) {
                        out.write(buffer, 0, n);
                        out.flush();
                    }
                } catch (IOException ignored) {
                    // the connection is gone: the output side reports how the session ended
                }
                connection.shutdownOutput();
            }, "purser-stdin");
            input.setDaemon(true);
            input.start();
        }
    }

    /**
     * Sends the terminal's size through {@code resize} now (retrying a little, as docker does,
     * since a just-started container may not accept it yet) and after every SIGWINCH. Does
     * nothing unless stdout is a terminal.
     *
     * <p>The watcher is in place before the first size is read, so a resize that happens while
     * the session starts is never lost; every send reads the size afresh under one lock, so the
     * last size sent is the terminal's latest, whichever thread sends it.
     */
    void followWindowSize(BiConsumer<Integer, Integer> resize, boolean nudge) {
        if (!session.stdoutTerminal()) return;
        Object sending = new Object();
        try {
            watcher = WindowWatcher.watch(1, ignored -> {
                synchronized (sending) {
                    sendCurrentSize(resize, 1);
                }
            });
        } catch (IllegalStateException ignored) {
            // no SIGWINCH for us: the size stays as it was when the session started
        }
        synchronized (sending) {
            if (nudge) {
                // attach: a different size first makes the program redraw even when the size is the same
                currentSize().ifPresent(size -> quietly(resize, size.rows() + 1, size.cols() + 1));
            }
            sendCurrentSize(resize, 10);
        }
    }

    private static void sendCurrentSize(BiConsumer<Integer, Integer> resize, int attempts) {
        for (int attempt = 0; attempt < attempts; attempt++) {
            Optional<WindowSize> size = currentSize();
            if (size.isEmpty()) return;
            if (quietly(resize, size.get().rows(), size.get().cols())) return;
            sleep(10L * (attempt + 1));
        }
    }

    /** The local terminal's size, unless it has none (a 0x0 terminal, or stdout not one after all). */
    private static Optional<WindowSize> currentSize() {
        try {
            WindowSize size = WindowSize.of(1);
            return size.rows() == 0 || size.cols() == 0 ? Optional.empty() : Optional.of(size);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** A resize racing the container's exit is harmless: false when it failed. */
    private static boolean quietly(BiConsumer<Integer, Integer> resize, int rows, int cols) {
        try {
            resize.accept(rows, cols);
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    /**
     * The whole session: starts the streams, runs {@code whileAttached} (start the container,
     * follow the window size), waits for the end, and puts the terminal back on every path before
     * returning or throwing.
     */
    static End run(Session session, HijackedConnection connection, boolean tty, boolean withStdin, DetachKeys keys,
                   java.util.function.Consumer<AttachedStreams> whileAttached) {
        AttachedStreams streams;
        try {
            streams = start(session, connection, tty, withStdin, keys);
        } catch (IOException e) {
            connection.close();
            throw new CliError("purser: unable to setup input stream: " + e.getMessage(), 1);
        }
        try (streams) {
            whileAttached.accept(streams);
            streams.beginPlainInput();
            return streams.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return End.FAILED;
        }
    }

    /** Waits until the session ends. */
    End await() throws InterruptedException {
        if (relay != null) {
            return switch (relay.await()) {
                case DETACHED -> End.DETACHED;
                case FAILED -> End.FAILED;
                default -> End.REMOTE_CLOSED;
            };
        }
        try {
            return plain.get();
        } catch (java.util.concurrent.ExecutionException e) {
            return End.FAILED;
        }
    }

    @Override
    public void close() {
        if (watcher != null) watcher.close();
        if (relay != null) relay.close();
        if (raw != null) {
            try {
                raw.close();
            } catch (IOException ignored) {
                // the shutdown hook tries again on exit
            }
            raw = null;
        }
        connection.close();
        session.out.flush();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
