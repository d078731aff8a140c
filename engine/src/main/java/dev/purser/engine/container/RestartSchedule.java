package dev.purser.engine.container;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The restarts that restart policies call for: each container's backoff, the restarts waiting
 * for their delay, and the exits a person caused (kill, rm -f, shutdown) that must not restart.
 */
final class RestartSchedule {
    private final Map<String, RestartBackoff> backoffs = new ConcurrentHashMap<>();
    private final Map<String, ScheduledFuture<?>> pending = new ConcurrentHashMap<>();
    private final Set<String> suppressed = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "restart-policy");
        t.setDaemon(true);
        return t;
    });

    /** The next exit of this container is not restarted, whatever its policy. */
    void suppressNext(String id) {
        suppressed.add(id);
    }

    /** The delay before restarting a container that just exited, or empty when it stays down. */
    Optional<Duration> afterExit(Container c, int exitCode, Duration ran) {
        boolean byHand = suppressed.remove(c.id()) || c.hasBeenManuallyStopped() || c.hostConfig().autoRemove();
        return backoffs.computeIfAbsent(c.id(), k -> new RestartBackoff())
                .next(c.hostConfig().restartPolicy(), exitCode, c.restartCount(), byHand, ran);
    }

    void schedule(String id, Duration delay, Runnable restart) {
        pending.put(id, timer.schedule(restart, delay.toMillis(), TimeUnit.MILLISECONDS));
    }

    /** Claims a scheduled restart that is due; false when it was cancelled meanwhile. */
    boolean claim(String id) {
        return pending.remove(id) != null;
    }

    /** Cancels a scheduled restart; true when there was one. */
    boolean cancel(String id) {
        ScheduledFuture<?> restart = pending.remove(id);
        if (restart == null) {
            return false;
        }
        restart.cancel(false);
        return true;
    }

    /** The container is gone. */
    void forget(String id) {
        cancel(id);
        backoffs.remove(id);
        suppressed.remove(id);
    }

    void shutdown() {
        timer.shutdownNow();
    }
}
