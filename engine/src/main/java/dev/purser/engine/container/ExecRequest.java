package dev.purser.engine.container;

import dev.purser.pty.WindowSize;
import java.util.List;

/**
 * What {@code docker exec} asks for. An empty user or working directory means the container's own;
 * a null console size, the kernel's default. {@code attachStdout} and {@code attachStderr} say
 * which of the process's output streams its start carries.
 */
public record ExecRequest(List<String> cmd, List<String> env, String user, String workingDir, boolean privileged,
        boolean tty, boolean attachStdin, boolean attachStdout, boolean attachStderr, WindowSize consoleSize) {
    public ExecRequest {
        if (cmd == null || cmd.isEmpty()) {
            throw new IllegalArgumentException("No exec command specified");
        }
        cmd = List.copyOf(cmd);
        env = env == null ? List.of() : List.copyOf(env);
    }

    /** A request whose start carries both output streams. */
    public ExecRequest(List<String> cmd, List<String> env, String user, String workingDir, boolean privileged,
            boolean tty, boolean attachStdin, WindowSize consoleSize) {
        this(cmd, env, user, workingDir, privileged, tty, attachStdin, true, true, consoleSize);
    }

    public static ExecRequest of(String... cmd) {
        return new ExecRequest(List.of(cmd), null, null, null, false, false, false, null);
    }

    /** True when the start carries what the process writes on {@code stream}. */
    public boolean attached(StdStream stream) {
        return stream == StdStream.STDERR ? attachStderr : attachStdout;
    }

    /** The same request with the terminal's first size the client gave when starting it. */
    public ExecRequest withConsoleSize(WindowSize size) {
        return size == null ? this : new ExecRequest(cmd, env, user, workingDir, privileged, tty, attachStdin, attachStdout,
                attachStderr, size);
    }
}
