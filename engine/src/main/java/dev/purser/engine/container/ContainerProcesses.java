package dev.purser.engine.container;

import java.util.List;

/** The processes of running containers as {@code docker top} lists them: those in each one's cgroup. */
public final class ContainerProcesses {
    private final ContainerLookup containers;

    ContainerProcesses(ContainerLookup containers) {
        this.containers = containers;
    }

    /**
     * Docker's {@code top}: without ps options, {@code ps -ef}'s columns built from /proc; with
     * them, the host's {@code ps} runs and only the container's processes are kept.
     */
    public Top top(String reference, String psArgs) {
        List<Long> pids = containers.running(containers.get(reference)).cgroup.pids();
        return psArgs == null || psArgs.isBlank() ? Top.of(pids) : HostPs.run(pids, psArgs);
    }

    public Top top(String reference) {
        return top(reference, null);
    }
}
