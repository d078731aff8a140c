package dev.purser.tui.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code purser logs -f} of a running container: the history, then each new line as it is
 * written, then the end when the container exits (the docker CLI and the raw API: engine's
 * LogsFollowIT).
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class LogsFollowIT {
    private static final Duration DEADLINE = Duration.ofSeconds(20);
    private static final Function<byte[], String> TEXT = b -> new String(b, StandardCharsets.UTF_8);
    static InProcessDaemon daemon;

    @BeforeAll
    static void startDaemon() {
        daemon = InProcessDaemon.start();
        daemon.importBusybox();
    }

    @AfterAll
    static void stopDaemon() {
        daemon.close();
    }

    @Test
    void logsFollowOfARunningContainerShowsHistoryThenNewLinesThenEnds() throws Exception {
        String script = "echo first; until [ -e /tmp/go ]; do sleep 0.05; done; echo second;"
                + " until [ -e /tmp/end ]; do sleep 0.05; done; echo last";
        assertThat(daemon.purser("run", "-d", "--name", "follow", "busybox", "sh", "-c", script).exitCode()).isZero();
        long end = System.nanoTime() + DEADLINE.toNanos();
        while (!daemon.purser("logs", "follow").out().equals("first\n")) {
            assertThat(System.nanoTime()).as("first line logged").isLessThan(end);
            Thread.sleep(20);
        }
        InProcessDaemon.Running logs = daemon.purserInBackground("logs", "-f", "follow");
        logs.out().await(TEXT, "first\n"::equals, DEADLINE);
        assertThat(daemon.purser("exec", "follow", "touch", "/tmp/go").exitCode()).isZero();
        logs.out().await(TEXT, "first\nsecond\n"::equals, DEADLINE);
        assertThat(daemon.purser("exec", "follow", "touch", "/tmp/end").exitCode()).isZero();
        assertThat(logs.exitCode().get(20, TimeUnit.SECONDS)).isZero();
        logs.out().awaitEnd(DEADLINE);
        assertThat(TEXT.apply(logs.out().bytes())).isEqualTo("first\nsecond\nlast\n");
        daemon.purser("rm", "-f", "follow");
    }
}
