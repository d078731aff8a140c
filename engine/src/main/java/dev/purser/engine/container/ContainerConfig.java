package dev.purser.engine.container;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
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
        Integer stopTimeout,
        @JsonProperty("ExposedPorts") @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, Object> exposedPorts) {

    @com.fasterxml.jackson.annotation.JsonCreator
    public ContainerConfig {
        env = env == null ? List.of() : List.copyOf(env);
        labels = labels == null ? Map.of() : Map.copyOf(labels);
        // sorted, as Docker's inspect lists them; each value is Docker's empty struct
        exposedPorts = exposedPorts == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(exposedPorts));
    }

    /** Without exposed ports. */
    public ContainerConfig(String hostname, String domainname, String user, boolean attachStdin, boolean attachStdout,
                           boolean attachStderr, boolean tty, boolean openStdin, boolean stdinOnce, List<String> env,
                           List<String> cmd, String image, Map<String, Object> volumes, String workingDir,
                           List<String> entrypoint, Map<String, String> labels, String stopSignal, Integer stopTimeout) {
        this(hostname, domainname, user, attachStdin, attachStdout, attachStderr, tty, openStdin, stdinOnce, env, cmd,
                image, volumes, workingDir, entrypoint, labels, stopSignal, stopTimeout, null);
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
