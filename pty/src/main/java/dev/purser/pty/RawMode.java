package dev.purser.pty;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A terminal held in raw mode until {@link #close()} puts back the settings it had before.
 *
 * <pre>{@code
 * try (RawMode raw = RawMode.enter(0)) {
 *     relay.await();
 * }
 * }</pre>
 *
 * <p>Why termios through jnr-ffi rather than JLine's {@code Terminal.enterRawMode()}: JLine binds
 * a Terminal to the process's own stdin/stdout, and when its native provider cannot load it falls
 * back to a "dumb" terminal on which raw mode silently does nothing, leaving the user's keys echoed
 * and line-buffered. tcgetattr/cfmakeraw/tcsetattr work on any descriptor (fd 0, a PTY slave in a
 * test), fail loudly with the errno, and restoring writes back the exact bytes that were read.
 *
 * <p>Restoring happens on every way out: close() (try-with-resources), and a JVM shutdown hook for
 * System.exit or SIGTERM/SIGINT while raw, so the user's shell is not left without echo. A JVM
 * killed with SIGKILL cannot restore anything; {@code stty sane} is the remedy then.
 *
 * <p>Close it before closing the descriptor: restoring acts on the fd number, which the kernel may
 * already have given to another file.
 */
public final class RawMode implements AutoCloseable {

    private final int fd;
    private final Termios saved;
    private final AtomicBoolean restored = new AtomicBoolean();
    private final Thread safetyNet;

    private RawMode(int fd, Termios saved) {
        this.fd = fd;
        this.saved = saved;
        this.safetyNet = new Thread(this::restoreQuietly, "purser-restore-terminal-" + fd);
    }

    /** Saves the settings of the terminal on {@code fd}, then makes it raw. */
    public static RawMode enter(int fd) throws NativeCallException {
        Termios before = Termios.of(fd);
        RawMode mode = new RawMode(fd, before);
        // The hook goes in before the change so that no moment exists where the terminal is raw
        // and nothing would restore it.
        Runtime.getRuntime().addShutdownHook(mode.safetyNet);
        try {
            before.raw().applyTo(fd);
        } catch (NativeCallException e) {
            mode.forgetSafetyNet();
            throw e;
        }
        return mode;
    }

    /** The settings that close() restores. */
    public Termios saved() {
        return saved;
    }

    /** Restores the saved settings, once; later calls do nothing. */
    @Override
    public void close() throws NativeCallException {
        if (restored.compareAndSet(false, true)) {
            forgetSafetyNet();
            saved.applyTo(fd);
        }
    }

    private void restoreQuietly() {
        if (restored.compareAndSet(false, true)) {
            try {
                saved.applyTo(fd);
            } catch (NativeCallException e) {
                System.err.println("purser: could not restore the terminal (" + e.getMessage() + "); run 'stty sane'");
            }
        }
    }

    private void forgetSafetyNet() {
        try {
            Runtime.getRuntime().removeShutdownHook(safetyNet);
        } catch (IllegalStateException shuttingDown) {
            // The hook is already running or about to; it sees `restored` and does nothing.
        }
    }
}
