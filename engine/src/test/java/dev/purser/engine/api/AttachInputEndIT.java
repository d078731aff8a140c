package dev.purser.engine.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.purser.engine.testing.DockerStreams;
import dev.purser.engine.testing.TestDaemon;
import dev.purser.engine.testing.WatchedOutput;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.function.Function;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The end of an attach client's input as moby's daemon treats it (container/stream CopyStreams):
 * for a container without StdinOnce (run -d -i) it ends that attach and nothing else: the
 * container keeps running with its stdin open for the next attach.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class AttachInputEndIT {
    private static final Duration DEADLINE = Duration.ofSeconds(20);
    private static final Function<byte[], String> FRAMES = b -> {
        String text = new String(b, StandardCharsets.ISO_8859_1);
        int body = text.indexOf("\r\n\r\n");
        return body < 0 ? "" : DockerStreams.frames(Arrays.copyOfRange(b, body + 4, b.length));
    };
    static TestDaemon daemon;

    @BeforeAll
    static void startDaemon() {
        daemon = TestDaemon.start();
        assertThat(daemon.docker("run", "-d", "-i", "--name", "input-end-cat", "busybox", "cat").exitCode()).isZero();
    }

    @AfterAll
    static void stopDaemon() {
        daemon.docker("rm", "-f", "input-end-cat");
        daemon.close();
    }

    /** Attaches with stdin, sends {@code line}, waits for cat's answer, then half-closes; what came back, once it ended. */
    private static WatchedOutput attachSendAndHalfClose(String line) throws IOException, InterruptedException {
        try (SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            ch.connect(UnixDomainSocketAddress.of(daemon.socket()));
            ch.write(ByteBuffer.wrap(("POST /v1.41/containers/input-end-cat/attach?stream=1&stdin=1&stdout=1&stderr=1 HTTP/1.1\r\n"
                    + "Host: purser\r\nContent-Length: 0\r\nConnection: Upgrade\r\nUpgrade: tcp\r\n\r\n").getBytes(StandardCharsets.US_ASCII)));
            WatchedOutput out = WatchedOutput.of(Channels.newInputStream(ch));
            out.await(b -> new String(b, StandardCharsets.ISO_8859_1), t -> t.contains("\r\n\r\n"), DEADLINE);
            ch.write(ByteBuffer.wrap((line + "\n").getBytes(StandardCharsets.US_ASCII)));
            out.await(FRAMES, ("1:" + line + "\n")::equals, DEADLINE);
            ch.shutdownOutput();
            out.awaitEnd(DEADLINE);
            return out;
        }
    }

    @Test
    void theEndOfTheClientsInputEndsTheAttachAndTheContainerKeepsRunning() throws Exception {
        WatchedOutput out = attachSendAndHalfClose("first");
        assertThat(out.ended()).isTrue();
        assertThat(daemon.docker("inspect", "-f", "{{.State.Running}}", "input-end-cat").outLine()).isEqualTo("true");
    }

    @Test
    void theContainersStdinStaysOpenForTheNextAttach() throws Exception {
        attachSendAndHalfClose("one");
        WatchedOutput again = attachSendAndHalfClose("two");
        assertThat(FRAMES.apply(again.bytes())).isEqualTo("1:two\n");
    }
}
