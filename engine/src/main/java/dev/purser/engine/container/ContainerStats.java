package dev.purser.engine.container;

import dev.purser.engine.cgroup.CgroupStats;
import java.util.Optional;

/**
 * The resource use of running containers ({@code docker stats}), read from their cgroups; the
 * API turns samples into Docker's figures.
 */
public final class ContainerStats {
    private final ContainerLookup containers;

    ContainerStats(ContainerLookup containers) {
        this.containers = containers;
    }

    /** Resource usage of the container's cgroup; empty when it is not running. */
    public Optional<CgroupStats> sample(String reference) {
        RunningContainer rc = containers.process(containers.get(reference).id());
        return rc == null ? Optional.empty() : Optional.of(rc.cgroup.stats());
    }
}
