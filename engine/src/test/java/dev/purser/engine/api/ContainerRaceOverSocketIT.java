package dev.purser.engine.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.purser.engine.testing.HostProcesses;
import dev.purser.engine.testing.TestDaemon;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 9's ghost-container race as the probe ran it: the stock docker CLI, {@code start & rm -f
 * & start & kill & restart -t 0} on one container at once, 30 rounds. No process outlives its
 * container's record, and every error is one of Docker's answers to an operation that lost the race.
 */
class ContainerRaceOverSocketIT {
    static final int ROUNDS = 30;
    /** What Docker answers a start, kill, restart or rm that came too late or too early. */
    static final Pattern LOST_THE_RACE = Pattern.compile(
            "Error response from daemon: (No such container: .*|Cannot kill container: .*is not running.*"
                    + "|.*is not running.*|.*container already (started|stopped).*)"
                    // the CLI's summary after the daemon's answer for one of several containers
                    + "|Error: failed to (start|kill|restart|remove) containers: [0-9a-f]{64}");
    static TestDaemon daemon;

    @BeforeAll
    static void startDaemon() {
        daemon = TestDaemon.start();
    }

    @AfterAll
    static void stopDaemon() {
        daemon.close();
    }

    @Test
    void racingCommandsOnOneContainerLeaveNoProcessWithoutARecord() throws Exception {
        List<String> ghosts = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        for (int round = 0; round < ROUNDS; round++) {
            String id = daemon.docker("create", "busybox", "sleep", "1000").outLine();
            TestDaemon.Result race = daemon.shell("docker start " + id + " & docker rm -f " + id + " & docker start " + id
                    + " & docker kill " + id + " & docker restart -t 0 " + id + " & wait");
            race.err().lines().filter(l -> !l.isBlank() && !LOST_THE_RACE.matcher(l).matches()).forEach(errors::add);
            daemon.docker("rm", "-f", id);
            if (!awaitNoProcessOf(id)) {
                ghosts.add(id);
                HostProcesses.kill(HostProcesses.mentioning(id));
            }
        }
        System.out.printf("race over the socket: %d rounds, %d left a process without a record, %d other errors%n",
                ROUNDS, ghosts.size(), errors.size());
        assertThat(ghosts).as("containers whose process outlived their record").isEmpty();
        assertThat(errors).as("errors other than Docker's for an operation that lost the race").isEmpty();
    }

    private static boolean awaitNoProcessOf(String id) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            if (HostProcesses.mentioning(id).isEmpty()) {
                return true;
            }
            Thread.sleep(20);
        }
        return false;
    }
}
