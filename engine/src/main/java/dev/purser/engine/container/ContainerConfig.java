package dev.purser.engine.container;

import java.util.List;
import java.util.Map;

/**
 * Docker's {@code Config} of a container: what to run and how, after the image's defaults were
 * merged in. Field names are Docker's (see {@link DockerJson}).
 */
public record ContainerConfig(
        String hostname,
        String domainname,
        String user,
        boolean attachStdin,
        boolean attachStdout,
        boolean attachStderr,
        boolean tty,
        boolean openStdin,
        boolean stdinOnce,
        List<String> env,
        List<String> cmd,
        String image,
        Map<String, Object> volumes,
        String workingDir,
        List<String> entrypoint,
        Map<String, String> labels,
        String stopSignal,
        Integer stopTimeout) {

    public ContainerConfig {
        env = env == null ? List.of() : List.copyOf(env);
        labels = labels == null ? Map.of() : Map.copyOf(labels);
    }

    /** The process to start: entrypoint followed by cmd, like Docker. */
    public List<String> commandLine() {
        List<String> out = new java.util.ArrayList<>();
        if (entrypoint != null) {
            out.addAll(entrypoint);
        }
        if (cmd != null) {
            out.addAll(cmd);
        }
        return out;
    }
}
