package dev.purser.engine.container;

import dev.purser.engine.runtime.Linux;
import dev.purser.engine.runtime.ProcessSpec;
import dev.purser.engine.runtime.SeccompPrograms;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Runs a command in a running container: its namespaces, cgroup, confinement and link
 * variables, as the container's own process has them. {@link Execs} keeps the exec instances
 * Docker's API names; this is what starts their processes.
 */
public final class ExecLauncher {
    private final ContainerLookup containers;
    private final Linux linux;
    private final Path stageBinary;
    private final SeccompPrograms seccompPrograms;
    private final Map<String, List<String>> linkEnvironments;

    ExecLauncher(ContainerLookup containers, Linux linux, Path stageBinary,
            SeccompPrograms seccompPrograms, Map<String, List<String>> linkEnvironments) {
        this.containers = containers;
        this.linux = linux;
        this.stageBinary = stageBinary;
        this.seccompPrograms = seccompPrograms;
        this.linkEnvironments = linkEnvironments;
    }

    /**
     * Runs a command in the running container's namespaces and cgroup, delivering its output
     * to {@code output} as it comes; returns the exit code once the command has ended and all
     * its output was delivered.
     */
    public int run(String reference, ExecRequest request, OutputListener output) {
        return start(reference, request, output).await();
    }

    /**
     * Starts a command in the running container's namespaces and cgroup; its output goes to
     * {@code output} as it comes. Fails with {@link ContainerStartException} (126, 127) when
     * the command cannot run.
     */
    public ExecSession start(String reference, ExecRequest request, OutputListener output) {
        Container c = containers.get(reference);
        RunningContainer rc = containers.running(c);
        if (c.state().paused()) {
            throw new ContainerConflictException("Container " + c.id() + " is paused, unpause the container before exec");
        }
        ProcessSpec process = ProcessPlans.exec(c, request, rc.overlay.merged(), rc.cgroup.procsFiles(),
                seccompPrograms, linkEnvironments.getOrDefault(c.id(), List.of()));

        return ExecSession.start(linux, stageBinary, rc.pid, process, request, output, "exec-" + c.shortId());
    }
}
