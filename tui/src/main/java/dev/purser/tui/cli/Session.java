package dev.purser.tui.cli;

import dev.purser.tui.client.ClientSettings;
import dev.purser.tui.client.PurserClient;
import java.io.InputStream;
import java.io.PrintStream;
import java.util.Map;

/**
 * One invocation of {@code purser}: its streams, environment and global flags, and the daemon
 * connection, made only when a command first needs it (so --help never touches docker-java).
 */
public final class Session implements AutoCloseable {
    final PrintStream out;
    final PrintStream err;
    final InputStream in;
    final Map<String, String> env;
    final boolean terminal;
    /** Whether fd 0 / fd 1 of this process are terminals: only for the real process (see {@link #withTerminals}). */
    boolean stdinTerminal;
    boolean stdoutTerminal;
    String hostFlag;
    String rootFlag;
    private PurserClient client;

    public Session(PrintStream out, PrintStream err, InputStream in, Map<String, String> env, boolean terminal) {
        this.out = out;
        this.err = err;
        this.in = in;
        this.env = env;
        this.terminal = terminal;
    }

    /**
     * Marks this session as the process's own: stdin and stdout are fds 0 and 1, and these say
     * whether each is a terminal. Interactive sessions use raw mode and SIGWINCH only then.
     */
    public Session withTerminals(boolean stdin, boolean stdout) {
        this.stdinTerminal = stdin;
        this.stdoutTerminal = stdout;
        return this;
    }

    public ClientSettings settings() {
        return ClientSettings.resolve(hostFlag, rootFlag, env);
    }

    public PurserClient client() {
        if (client == null) client = PurserClient.connect(settings(), err, terminal);
        return client;
    }

    @Override
    public void close() {
        if (client != null) client.close();
    }
}
