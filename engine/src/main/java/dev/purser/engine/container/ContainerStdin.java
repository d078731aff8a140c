package dev.purser.engine.container;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Containers' stdin as clients see it: straight to the process while it runs; before that, for
 * a container with OpenStdin, kept until the start (Docker's stdin pipe exists from create on,
 * so `docker run -i` may send before the process is there). Callers hold the container's
 * {@link #guard}, also held while a started process is made the target and gets what came early,
 * so input is never reordered.
 */
final class ContainerStdin {
    private final Map<String, PendingStdin> early = new ConcurrentHashMap<>();
    private final Map<String, Object> guards = new ConcurrentHashMap<>();

    /** The monitor that orders one container's input with its start. */
    Object guard(String id) {
        return guards.computeIfAbsent(id, k -> new Object());
    }

    /** Writes to the process ({@code running} non-null) or keeps the bytes; false when there is no stdin. */
    boolean write(Container c, RunningContainer running, byte[] data) {
        if (running != null) {
            return running.stdio.write(data);
        }
        if (!c.config().openStdin()) {
            return false;
        }
        early.computeIfAbsent(c.id(), k -> new PendingStdin()).write(data);
        return true;
    }

    /** Ends the process's input, or records that it ends as soon as the process starts. */
    void close(Container c, RunningContainer running) {
        if (running != null) {
            running.stdio.closeInput();
        } else if (c.config().openStdin()) {
            early.computeIfAbsent(c.id(), k -> new PendingStdin()).close();
        }
    }

    /** What came before the start, for the launcher to deliver; null when nothing did. */
    PendingStdin takeEarly(String id) {
        return early.remove(id);
    }

    void forget(String id) {
        early.remove(id);
        guards.remove(id);
    }
}
