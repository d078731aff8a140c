package dev.purser.engine.container;


/**
 * Docker's {@code pause} and {@code unpause}: a running container's processes frozen and thawed
 * through its cgroup's freezer, the paused state written and the event published.
 */
final class ContainerFreezer {
    private final ContainerLookup containers;
    private final ContainerLocks locks;
    private final ContainerStore store;
    private final ContainerEvents events;

    ContainerFreezer(ContainerLookup containers, ContainerLocks locks,
            ContainerStore store, ContainerEvents events) {
        this.containers = containers;
        this.locks = locks;
        this.store = store;
        this.events = events;
    }

    void pause(String reference) {
        String id = containers.get(reference).id();
        try (ContainerLocks.Held held = locks.lock(id)) {
            Container c = store.current(id, reference);
            RunningContainer rc = containers.running(c);
            if (c.state().paused()) {
                throw new ContainerConflictException("Container " + c.id() + " is already paused");
            }
            rc.cgroup.freeze();
            store.update(id, cur -> cur.withState(cur.state().paused(true)));
            events.publish(c, "pause");
        }
    }

    void unpause(String reference) {
        String id = containers.get(reference).id();
        try (ContainerLocks.Held held = locks.lock(id)) {
            Container c = store.current(id, reference);
            RunningContainer rc = containers.running(c);
            if (!c.state().paused()) {
                throw new ContainerConflictException("Container " + c.id() + " is not paused");
            }
            rc.cgroup.thaw();
            store.update(id, cur -> cur.withState(cur.state().paused(false)));
            events.publish(c, "unpause");
        }
    }
}
