package dev.purser.tui.dashboard.terminal;

import com.googlecode.lanterna.screen.Screen;
import com.googlecode.lanterna.screen.TerminalScreen;
import dev.purser.pty.Termios;
import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.UnaryOperator;

/**
 * This process's terminal, owned by the dashboard from {@link #open()} to {@link #close()}:
 * Lanterna's screen over a {@link HostTerminal} whose keys come through a {@link GatedInput}
 * and whose output goes through one 64 KiB buffer (a frame is one write(2): lanterna-traps T8).
 *
 * <p>{@link #lend} gives the terminal to an interactive session and takes it back with the
 * sequence of lanterna-traps' "handover": keys shut off, screen stopped, the session run in a
 * terminal mode of its own, then the dashboard's exact termios back, modes the session left on
 * reset, keys on, screen started at the terminal's size now; the caller then draws a frame and
 * refreshes it completely.
 */
public final class HostScreen implements AutoCloseable {
    /** Turns off what a shell may have left on (mouse reports, bracketed paste, keypad modes, a scroll region, a hidden cursor). */
    static final String SOFT_RESET = "\033[?1000l\033[?1002l\033[?1003l\033[?1005l\033[?1006l\033[?1015l\033[?2004l"
            + "\033[?1l\033>\033[r\033(B\033[0m\033[?7h\033[?25h";

    private final Termios original;
    private final GatedInput keys;
    private final OutputStream output;
    private final HostTerminal terminal;
    private final TerminalScreen screen;
    private final Thread restoreOnExit;
    private boolean closed;

    private HostScreen(Termios original, GatedInput keys, OutputStream output, HostTerminal terminal, TerminalScreen screen) {
        this.original = original;
        this.keys = keys;
        this.output = output;
        this.terminal = terminal;
        this.screen = screen;
        // Lanterna's own hook restores its `stty -g`; this one puts back the exact bytes, on every way out.
        this.restoreOnExit = new Thread(this::restoreOriginal, "purser-dashboard-restore");
        Runtime.getRuntime().addShutdownHook(restoreOnExit);
    }

    /** Takes over fd 0 and fd 1 (both must be terminals) and starts the screen. */
    public static HostScreen open() throws IOException {
        Termios original = Termios.of(0);
        GatedInput keys = new GatedInput(0);
        keys.open();
        OutputStream output = new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 1 << 16);
        HostTerminal terminal = new HostTerminal(keys, output);
        TerminalScreen screen = new TerminalScreen(terminal);
        screen.startScreen();
        screen.setCursorPosition(null);
        return new HostScreen(original, keys, output, terminal, screen);
    }

    public Screen screen() {
        return screen;
    }

    public HostTerminal terminal() {
        return terminal;
    }

    /** The terminal as it was before the dashboard: what {@code stty -a} showed. */
    public Termios original() {
        return original;
    }

    /** What runs while the session has the terminal (keys to no one but it); it may leave it in any mode. */
    @FunctionalInterface
    public interface Session<T> {
        T run() throws IOException;
    }

    /** Gives the terminal, raw, to {@code session} and takes it back, on every way out of it. */
    public <T> T lend(Session<T> session) throws IOException {
        return lend(Termios::raw, session);
    }

    /**
     * Gives the terminal to {@code session}, set as {@code mode} makes the terminal's settings from
     * before the dashboard ({@link Termios#raw()} for a container's terminal, {@link
     * Termios#lineByLine(int)} for a container without one), and takes it back, on every way out of it.
     */
    public <T> T lend(UnaryOperator<Termios> mode, Session<T> session) throws IOException {
        keys.shut();
        screen.stopScreen(false);
        output.flush();
        Termios dashboardMode = Termios.of(0);
        try {
            mode.apply(original).applyTo(0);
            return session.run();
        } finally {
            dashboardMode.applyTo(0);
            output.write(SOFT_RESET.getBytes(StandardCharsets.US_ASCII));
            output.flush();
            keys.open();
            screen.startScreen();
            screen.setCursorPosition(null);
            // the size may have changed while the session had the terminal
            terminal.getTerminalSize();
            screen.doResizeIfNecessary();
            // no refresh here: the buffer still holds the old frame at the old size; the caller
            // draws a new one and refreshes it completely (lanterna-traps T3)
        }
    }

    @Override
    public void close() throws IOException {
        if (closed) return;
        closed = true;
        keys.close();
        try {
            screen.stopScreen(false);
            terminal.close();
        } finally {
            restoreOriginal();
            try {
                Runtime.getRuntime().removeShutdownHook(restoreOnExit);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running already
            }
        }
    }

    private void restoreOriginal() {
        try {
            original.applyTo(0);
        } catch (IOException ignored) {
            // the terminal is gone: nothing to restore
        }
    }
}
