package dev.purser.tui.cli;

import dev.purser.tui.client.ClientSettings;
import dev.purser.tui.client.PurserClient;
import java.io.InputStream;
import java.io.PrintStream;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.IntPredicate;

/**
 * One invocation of {@code purser}: its streams, environment and global flags, and the daemon
 * connection, made only when a command first needs it (so --help never touches docker-java).
 */
public final class Session implements AutoCloseable {
    final PrintStream out;
    final PrintStream err;
    final InputStream in;
    final Map<String, String> env;
    /** Asked at most once and only when a command needs it: the check costs a native binding. */
    private final BooleanSupplier terminalCheck;
    private Boolean terminal;
    /** Whether fd 0 / fd 1 of this process are terminals: only for the real process (see {@link #withTerminals}). */
    private IntPredicate fdIsTerminal = fd -> false;
    private Boolean stdinTerminal;
    private Boolean stdoutTerminal;
    String hostFlag;
    String rootFlag;
    private PurserClient client;

    public Session(PrintStream out, PrintStream err, InputStream in, Map<String, String> env, boolean terminal) {
        this(out, err, in, env, () -> terminal);
    }

    /** {@code terminal}: whether a person is at this session's stdin and stdout (progress, prompts). */
    public Session(PrintStream out, PrintStream err, InputStream in, Map<String, String> env, BooleanSupplier terminal) {
        this.out = out;
        this.err = err;
        this.in = in;
        this.env = env;
        this.terminalCheck = terminal;
    }

    boolean terminal() {
        if (terminal == null) terminal = terminalCheck.getAsBoolean();
        return terminal;
    }

    boolean stdinTerminal() {
        if (stdinTerminal == null) stdinTerminal = fdIsTerminal.test(0);
        return stdinTerminal;
    }

    boolean stdoutTerminal() {
        if (stdoutTerminal == null) stdoutTerminal = fdIsTerminal.test(1);
        return stdoutTerminal;
    }

    /**
     * Marks this session as the process's own: stdin and stdout are fds 0 and 1, and
     * {@code isTerminal} tells whether each is a terminal. Interactive sessions use raw mode and
     * SIGWINCH only then.
     */
    public Session withTerminals(IntPredicate isTerminal) {
        this.fdIsTerminal = isTerminal;
        return this;
    }

    public ClientSettings settings() {
        return ClientSettings.resolve(hostFlag, rootFlag, env);
    }

    public PurserClient client() {
        if (client == null) client = PurserClient.connect(settings(), err, this::terminal);
        return client;
    }

    @Override
    public void close() {
        if (client != null) client.close();
    }
}
