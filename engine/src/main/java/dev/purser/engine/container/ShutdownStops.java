package dev.purser.engine.container;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The engine's orderly shutdown: every running container stopped with its grace period, all at
 * once, and not "by hand": a daemon shutdown must not keep unless-stopped containers down.
 */
final class ShutdownStops {
    private final ContainerLocks locks;
    private final Map<String, RunningContainer> running;
    private final ContainerStore store;
    private final RestartSchedule restarts;
    private final ProcessStop stop;

    ShutdownStops(ContainerLocks locks, Map<String, RunningContainer> running, ContainerStore store, RestartSchedule restarts,
                  ProcessStop stop) {
        this.locks = locks;
        this.running = running;
        this.store = store;
        this.restarts = restarts;
        this.stop = stop;
    }

    void stopAll() {
        restarts.shutdown();
        ProcessStop.allAtOnce(List.copyOf(running.keySet()), this::stopOne);
    }

    private void stopOne(String id) {
        try (ContainerLocks.Held held = locks.lock(id)) {
            RunningContainer rc = running.get(id);
            Optional<Container> c = store.get(id);
            if (rc == null || c.isEmpty()) {
                return;
            }
            restarts.suppressNext(id);
            if (c.get().state().paused()) {
                rc.cgroup.thaw();
            }
            stop.gracefully(c.get(), rc, null);
        }
    }
}
