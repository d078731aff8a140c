package dev.purser.engine.container;

import dev.purser.engine.runtime.Linux;
import dev.purser.engine.runtime.Signals;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Docker's {@code kill}: a signal sent to a running container's process by hand. A SIGKILL is
 * not followed by a restart of its policy, and returns once the exit is recorded.
 */
final class ContainerSignals {
    private static final Logger log = LoggerFactory.getLogger(ContainerSignals.class);

    private final ContainerLookup containers;
    private final RestartSchedule restarts;
    private final Linux linux;
    private final ContainerEvents events;

    ContainerSignals(ContainerLookup containers, RestartSchedule restarts,
            Linux linux, ContainerEvents events) {
        this.containers = containers;
        this.restarts = restarts;
        this.linux = linux;
        this.events = events;
    }

    /** Sends {@code signal} (a name or a number; empty or null: SIGKILL). */
    void kill(String reference, String signal) {
        Container c = containers.get(reference);
        RunningContainer rc = containers.running(c);
        int number = Signals.parse(signal == null || signal.isEmpty() ? "SIGKILL" : signal);
        if (number == Signals.SIGKILL) {
            // like Docker, a container killed by hand is not restarted by its policy for this exit
            restarts.suppressNext(c.id());
        }
        linux.kill(rc.pid, number);
        events.publish(c, "kill", Map.of("signal", Integer.toString(number)));
        if (number == Signals.SIGKILL) {
            thawToLetDie(rc);
            ProcessStop.awaitRecordedExit(rc);
        }
    }

    /** A frozen process dies of SIGKILL only once thawed (runc thaws after SIGKILL too). */
    private static void thawToLetDie(RunningContainer rc) {
        try {
            if (rc.cgroup.frozen()) {
                rc.cgroup.thaw();
            }
        } catch (RuntimeException e) {
            log.debug("thawing {}: {}", rc.id, e.getMessage()); // the group went with the process
        }
    }
}
