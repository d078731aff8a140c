package dev.purser.engine.container;

import java.util.List;

/** What {@code docker exec} asks for. An empty user or working directory means the container's own. */
public record ExecRequest(List<String> cmd, List<String> env, String user, String workingDir, boolean privileged,
        boolean tty, boolean attachStdin) {
    public ExecRequest {
        if (cmd == null || cmd.isEmpty()) {
            throw new IllegalArgumentException("No exec command specified");
        }
        cmd = List.copyOf(cmd);
        env = env == null ? List.of() : List.copyOf(env);
    }

    public static ExecRequest of(String... cmd) {
        return new ExecRequest(List.of(cmd), null, null, null, false, false, false);
    }
}
