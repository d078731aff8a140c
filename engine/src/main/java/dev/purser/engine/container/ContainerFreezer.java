package dev.purser.engine.container;

import java.util.Map;
import java.util.function.Function;

/**
 * Docker's {@code pause} and {@code unpause}: a running container's processes frozen and thawed
 * through its cgroup's freezer, the paused state written and the event published.
 */
final class ContainerFreezer {
    private final Function<String, Container> lookup;
    private final Map<String, RunningContainer> running;
    private final ContainerLocks locks;
    private final ContainerStore store;
    private final ContainerEvents events;

    ContainerFreezer(Function<String, Container> lookup, Map<String, RunningContainer> running, ContainerLocks locks,
            ContainerStore store, ContainerEvents events) {
        this.lookup = lookup;
        this.running = running;
        this.locks = locks;
        this.store = store;
        this.events = events;
    }

    void pause(String reference) {
        String id = lookup.apply(reference).id();
        try (ContainerLocks.Held held = locks.lock(id)) {
            Container c = store.current(id, reference);
            RunningContainer rc = RunningContainer.required(running, c);
            if (c.state().paused()) {
                throw new ContainerConflictException("Container " + c.id() + " is already paused");
            }
            rc.cgroup.freeze();
            store.update(id, cur -> cur.withState(cur.state().paused(true)));
            events.publish(c, "pause");
        }
    }

    void unpause(String reference) {
        String id = lookup.apply(reference).id();
        try (ContainerLocks.Held held = locks.lock(id)) {
            Container c = store.current(id, reference);
            RunningContainer rc = RunningContainer.required(running, c);
            if (!c.state().paused()) {
                throw new ContainerConflictException("Container " + c.id() + " is not paused");
            }
            rc.cgroup.thaw();
            store.update(id, cur -> cur.withState(cur.state().paused(false)));
            events.publish(c, "unpause");
        }
    }
}
