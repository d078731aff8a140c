package dev.purser.engine.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.purser.engine.testing.DockerStreams;
import dev.purser.engine.testing.TestDaemon;
import dev.purser.engine.testing.WatchedOutput;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Following the log of a running container: what it wrote before comes first, then each new
 * line as it is written, and the stream ends when the container exits. Through the stock docker
 * CLI and a client on the raw socket (purser's own CLI: tui's LogsFollowIT).
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class LogsFollowIT {
    private static final Duration DEADLINE = Duration.ofSeconds(20);
    /** Prints one line, another once /tmp/go exists, a last one once /tmp/end exists, then exits. */
    private static final String SCRIPT = "echo first; until [ -e /tmp/go ]; do sleep 0.05; done; echo second;"
            + " until [ -e /tmp/end ]; do sleep 0.05; done; echo last";

    static TestDaemon daemon;

    @BeforeAll
    static void startDaemon() {
        daemon = TestDaemon.start();
    }

    @AfterAll
    static void stopDaemon() {
        daemon.close();
    }

    /** A running container that has logged its first line. */
    private static void runWriter(String name) throws InterruptedException {
        assertThat(daemon.docker("run", "-d", "--name", name, "busybox", "sh", "-c", SCRIPT).exitCode()).isZero();
        long end = System.nanoTime() + DEADLINE.toNanos();
        while (!daemon.docker("logs", name).out().equals("first\n")) {
            assertThat(System.nanoTime()).as("first line logged").isLessThan(end);
            Thread.sleep(20);
        }
    }

    private static void touch(String name, String file) {
        assertThat(daemon.docker("exec", name, "touch", file).exitCode()).isZero();
    }

    @Test
    void dockerLogsFollowOfARunningContainerShowsHistoryThenNewLinesThenEnds() throws InterruptedException {
        runWriter("follow-cli");
        Process p = daemon.dockerInBackground("logs", "-f", "follow-cli");
        try {
            WatchedOutput out = WatchedOutput.of(p.getInputStream());
            Text text = new Text();
            out.await(text, "first\n"::equals, DEADLINE);
            touch("follow-cli", "/tmp/go");
            out.await(text, "first\nsecond\n"::equals, DEADLINE);
            touch("follow-cli", "/tmp/end");
            out.awaitEnd(DEADLINE);
            assertThat(p.waitFor(20, TimeUnit.SECONDS)).isTrue();
            assertThat(p.exitValue()).isZero();
            assertThat(text.apply(out.bytes())).isEqualTo("first\nsecond\nlast\n");
        } finally {
            p.destroyForcibly();
            daemon.docker("rm", "-f", "follow-cli");
        }
    }

    @Test
    void rawApiLogsFollowOfARunningContainerSendsHistoryThenNewFramesThenTheLastChunk() throws Exception {
        runWriter("follow-api");
        try (SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            ch.connect(UnixDomainSocketAddress.of(daemon.socket()));
            ch.write(ByteBuffer.wrap("GET /v1.47/containers/follow-api/logs?stdout=1&stderr=1&follow=1 HTTP/1.1\r\nHost: purser\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII)));
            WatchedOutput out = WatchedOutput.of(Channels.newInputStream(ch));
            java.util.function.Function<byte[], String> frames = b -> DockerStreams.frames(DockerStreams.chunkedBody(b));
            out.await(frames, "1:first\n"::equals, DEADLINE);
            touch("follow-api", "/tmp/go");
            out.await(frames, "1:first\n1:second\n"::equals, DEADLINE);
            touch("follow-api", "/tmp/end");
            out.awaitEnd(DEADLINE);
            String response = new String(out.bytes(), StandardCharsets.ISO_8859_1);
            assertThat(response).startsWith("HTTP/1.1 200 OK").endsWith("\r\n0\r\n\r\n");
            assertThat(frames.apply(out.bytes())).isEqualTo("1:first\n1:second\n1:last\n");
        } finally {
            daemon.docker("rm", "-f", "follow-api");
        }
    }

    @Test
    void followingWithTailStartsAtTheLastLinesAndKeepsGoing() throws InterruptedException {
        runWriter("follow-tail");
        Process p = daemon.dockerInBackground("logs", "-f", "--tail", "1", "follow-tail");
        try {
            WatchedOutput out = WatchedOutput.of(p.getInputStream());
            Text text = new Text();
            out.await(text, "first\n"::equals, DEADLINE);
            touch("follow-tail", "/tmp/go");
            out.await(text, "first\nsecond\n"::equals, DEADLINE);
        } finally {
            p.destroyForcibly();
            daemon.docker("rm", "-f", "follow-tail");
        }
    }

    private static final class Text implements java.util.function.Function<byte[], String> {
        @Override
        public String apply(byte[] bytes) {
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }
}
