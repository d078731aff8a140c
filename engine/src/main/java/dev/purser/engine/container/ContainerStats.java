package dev.purser.engine.container;

import dev.purser.engine.cgroup.CgroupStats;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The resource use of running containers ({@code docker stats}), read from their cgroups; the
 * API turns samples into Docker's figures.
 */
public final class ContainerStats {
    private final Function<String, Container> lookup;
    private final Map<String, RunningContainer> running;

    ContainerStats(Function<String, Container> lookup, Map<String, RunningContainer> running) {
        this.lookup = lookup;
        this.running = running;
    }

    /** Resource usage of the container's cgroup; empty when it is not running. */
    public Optional<CgroupStats> sample(String reference) {
        RunningContainer rc = running.get(lookup.apply(reference).id());
        return rc == null ? Optional.empty() : Optional.of(rc.cgroup.stats());
    }
}
