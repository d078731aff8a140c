package dev.purser.tui;

import dev.purser.tui.cli.ArchiveTraining;
import dev.purser.tui.cli.CommandTree;
import dev.purser.tui.cli.Session;
import java.io.InputStream;
import java.io.PrintStream;
import java.util.Map;

/**
 * The {@code purser} program. {@link #run} does all the work and returns the exit code, so tests
 * can run purser in-process; only {@link #main} exits the JVM.
 */
public final class Purser {
    private Purser() {}

    public static void main(String[] args) {
        int code;
        try (Session session = new Session(System.out, System.err, System.in, System.getenv(), () -> isTerminal(0) && isTerminal(1))
                .withTerminals(Purser::isTerminal)) {
            code = CommandTree.execute(session, args);
            if (Boolean.getBoolean(ArchiveTraining.PROPERTY)) ArchiveTraining.loadTheOtherCommands(session);
        }
        System.out.flush();
        System.exit(code);
    }

    /** Whether {@code fd} is a terminal: only a terminal answers TIOCGWINSZ. */
    private static boolean isTerminal(int fd) {
        try {
            dev.purser.pty.WindowSize.of(fd);
            return true;
        } catch (Exception | LinkageError e) {
            return false;
        }
    }

    /** Runs one purser command line with this process's environment and no terminal. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        return run(args, out, err, InputStream.nullInputStream(), System.getenv(), false);
    }

    public static int run(String[] args, PrintStream out, PrintStream err, InputStream in, Map<String, String> env, boolean terminal) {
        try (Session session = new Session(out, err, in, env, terminal)) {
            return CommandTree.execute(session, args);
        }
    }

    /** The version from the jar manifest, or "dev" when run from classes. */
    public static String version() {
        String v = Purser.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }
}
