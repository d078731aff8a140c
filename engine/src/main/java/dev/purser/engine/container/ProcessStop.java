package dev.purser.engine.container;

import dev.purser.engine.runtime.Linux;
import dev.purser.engine.runtime.Signals;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings containers' processes down, Docker's way: the stop signal, SIGKILL once the grace
 * period is over, and a wait until the engine has recorded the exit. What the stop means for the
 * container's state is {@link Containers}' business.
 */
final class ProcessStop {
    private static final Logger log = LoggerFactory.getLogger(ProcessStop.class);
    private static final int DEFAULT_STOP_TIMEOUT_SECONDS = 10;

    private final Linux linux;

    ProcessStop(Linux linux) {
        this.linux = linux;
    }

    /**
     * The container's stop signal (else SIGTERM), up to the timeout (else its StopTimeout, else
     * 10 s; -1 waits for ever), then SIGKILL; returns once the exit is recorded.
     */
    void gracefully(Container c, RunningContainer rc, Integer timeoutSeconds) {
        int timeout = timeoutSeconds != null ? timeoutSeconds
                : c.config().stopTimeout() != null ? c.config().stopTimeout() : DEFAULT_STOP_TIMEOUT_SECONDS;
        String signal = c.config().stopSignal() == null || c.config().stopSignal().isEmpty()
                ? "SIGTERM" : c.config().stopSignal();
        linux.kill(rc.pid, Signals.parse(signal));
        if (!rc.awaitExit(timeout)) {
            linux.kill(rc.pid, Signals.SIGKILL);
        }
        awaitRecordedExit(rc);
    }

    /** SIGKILL; returns once the exit is recorded. */
    void now(RunningContainer rc) {
        linux.kill(rc.pid, Signals.SIGKILL);
        awaitRecordedExit(rc);
    }

    static void awaitRecordedExit(RunningContainer rc) {
        rc.awaitExit(-1);
        rc.awaitExitRecorded();
    }

    /** Runs {@code stopOne} for every id at once, each on a thread of its own; returns when all have. */
    static void allAtOnce(List<String> ids, Consumer<String> stopOne) {
        List<Thread> stoppers = new ArrayList<>();
        for (String id : ids) {
            Thread t = new Thread(() -> {
                try {
                    stopOne.accept(id);
                } catch (RuntimeException e) {
                    log.warn("stopping {}: {}", id, e.getMessage());
                }
            }, "stop-" + id.substring(0, 12));
            t.start();
            stoppers.add(t);
        }
        for (Thread t : stoppers) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
