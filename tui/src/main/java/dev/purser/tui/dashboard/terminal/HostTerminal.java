package dev.purser.tui.dashboard.terminal;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.terminal.ansi.UnixTerminal;
import dev.purser.pty.WindowSize;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Lanterna's Unix terminal on this process's own terminal, with what the dashboard needs changed
 * (docs/decisions/0020):
 * <ul>
 *   <li>Ctrl-C is a key, never {@code System.exit} (lanterna-traps T5);</li>
 *   <li>the size comes from {@code ioctl(TIOCGWINSZ)}, not from a cursor-position report that
 *       races a shell's input and needs unbuffered output (T2, T8);</li>
 *   <li>Ctrl-S, Ctrl-Q, Ctrl-\ and Ctrl-Z arrive as keys instead of freezing the output, dumping
 *       the JVM's threads over the screen or stopping the JVM (T6).</li>
 * </ul>
 * Lanterna saves the terminal's settings ({@code stty -g}) when it is made and puts them back
 * on {@link #close()} and in its shutdown hook.
 */
public final class HostTerminal extends UnixTerminal {
    public HostTerminal(InputStream keys, OutputStream screen) throws IOException {
        super(keys, screen, StandardCharsets.UTF_8, CtrlCBehaviour.TRAP);
        runSTTYCommand("-ixon", "quit", "undef", "susp", "undef");
    }

    // Called from UnixLikeTerminal's constructor too: it must touch no field of this class.
    @Override
    protected TerminalSize findTerminalSize() throws IOException {
        WindowSize size = WindowSize.of(1);
        if (size.rows() <= 0 || size.cols() <= 0) return new TerminalSize(80, 24);
        return new TerminalSize(size.cols(), size.rows());
    }
}
