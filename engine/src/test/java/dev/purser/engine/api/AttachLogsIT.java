package dev.purser.engine.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.purser.engine.testing.DockerStreams;
import dev.purser.engine.testing.RawHttp;
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
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Attach's {@code logs} and {@code stream} parameters as Docker serves them: {@code logs=1}
 * replays what the container logged, {@code stream=1} then goes on with its live output, and
 * without {@code stream} the connection ends after the replay (docker-py's
 * {@code attach(stream=False, logs=True)} of an exited container).
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class AttachLogsIT {
    private static final Duration DEADLINE = Duration.ofSeconds(20);
    static TestDaemon daemon;

    @BeforeAll
    static void startDaemon() {
        daemon = TestDaemon.start();
        daemon.docker("run", "--name", "attach-exited", "busybox", "sh", "-c", "echo hello; echo world");
        daemon.docker("run", "--name", "attach-both", "busybox", "sh", "-c", "echo out; echo err >&2");
    }

    @AfterAll
    static void stopDaemon() {
        daemon.docker("rm", "-f", "attach-exited", "attach-both");
        daemon.close();
    }

    private static RawHttp.Response attach(String name, String query) {
        return RawHttp.json(daemon.socket(), "POST", "/v1.41/containers/" + name + "/attach?" + query, null);
    }

    @Test
    void logsWithoutStreamOfAnExitedContainerReturnsTheLogAndEnds() {
        RawHttp.Response r = attach("attach-exited", "logs=1&stream=0&stdout=1&stderr=1");
        assertThat(r.status()).isEqualTo(200);
        assertThat(DockerStreams.frames(r.body())).isEqualTo("1:hello\n1:world\n");
    }

    @Test
    void theLogReplayHasOnlyTheStreamsAskedFor() {
        assertThat(DockerStreams.frames(attach("attach-both", "logs=1&stdout=1").body())).isEqualTo("1:out\n");
        assertThat(DockerStreams.frames(attach("attach-both", "logs=1&stderr=1").body())).isEqualTo("2:err\n");
    }

    @Test
    void neitherLogsNorStreamEndsAtOnceWithNothing() {
        RawHttp.Response r = attach("attach-exited", "stdout=1&stderr=1");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body()).isEmpty();
    }

    @Test
    void logsWithStreamOfARunningContainerReplaysThenFollowsUntilItExits() throws Exception {
        daemon.docker("run", "-d", "--name", "attach-live", "busybox", "sh", "-c",
                "echo first; until [ -e /tmp/go ]; do sleep 0.05; done; echo second");
        try (SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            long end = System.nanoTime() + DEADLINE.toNanos();
            while (!daemon.docker("logs", "attach-live").out().equals("first\n")) {
                assertThat(System.nanoTime()).as("first line logged").isLessThan(end);
                Thread.sleep(20);
            }
            ch.connect(UnixDomainSocketAddress.of(daemon.socket()));
            ch.write(ByteBuffer.wrap(("POST /v1.41/containers/attach-live/attach?logs=1&stream=1&stdout=1&stderr=1 HTTP/1.1\r\n"
                    + "Host: purser\r\nContent-Length: 0\r\n\r\n").getBytes(StandardCharsets.US_ASCII)));
            WatchedOutput out = WatchedOutput.of(Channels.newInputStream(ch));
            Function<byte[], String> frames = b -> {
                String text = new String(b, StandardCharsets.ISO_8859_1);
                int body = text.indexOf("\r\n\r\n");
                return body < 0 ? "" : DockerStreams.frames(java.util.Arrays.copyOfRange(b, body + 4, b.length));
            };
            out.await(frames, "1:first\n"::equals, DEADLINE);
            assertThat(daemon.docker("exec", "attach-live", "touch", "/tmp/go").exitCode()).isZero();
            out.awaitEnd(DEADLINE);
            assertThat(frames.apply(out.bytes())).isEqualTo("1:first\n1:second\n");
        } finally {
            daemon.docker("rm", "-f", "attach-live");
        }
    }

    @Test
    void dockerAttachToAStoppedContainerIsRefusedAsDockerDoes() {
        TestDaemon.Result r = daemon.docker("attach", "attach-exited");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).contains("You cannot attach to a stopped container, start it first");
    }
}
