package dev.purser.engine.container;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One lock per container id: the operations that change what a container is (start, stop,
 * restart, remove, pause, rename) run one at a time on a container, and at the same time on
 * different ones. A lock lives while someone holds or waits for it, so ids of removed containers
 * do not pile up. Reentrant: restart is stop then start, and stop may unpause.
 *
 * <p>A holder may wait for the container's process to exit: the exit handler never takes this
 * lock before it has recorded the exit, so such a wait cannot deadlock.
 */
final class ContainerLocks {
    private final Map<String, Entry> byId = new ConcurrentHashMap<>();

    private static final class Entry {
        final ReentrantLock lock = new ReentrantLock();
        int users;
    }

    /** Holds the container's lock until the returned handle is closed. */
    Held lock(String id) {
        Entry e = byId.compute(id, (k, existing) -> {
            Entry entry = existing == null ? new Entry() : existing;
            entry.users++;
            return entry;
        });
        e.lock.lock();
        return () -> {
            e.lock.unlock();
            byId.computeIfPresent(id, (k, entry) -> --entry.users == 0 ? null : entry);
        };
    }

    /** Ids with a lock held or waited for (for tests of the bookkeeping). */
    int size() {
        return byId.size();
    }

    /** A held lock; closing it releases it. */
    interface Held extends AutoCloseable {
        @Override
        void close();
    }
}
