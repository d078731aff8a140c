package dev.purser.engine.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The API server's request workers, on a real socket: made for a request, gone once idle (decision 0062). */
@Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ApiServerWorkersTest {
    private Path dir;
    private ApiServer server;

    @BeforeEach
    void createDirectory() throws IOException {
        dir = Files.createTempDirectory(Path.of("/tmp"), "workers-");
    }

    @AfterEach
    void close() throws IOException {
        if (server != null) {
            server.close();
        }
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @Test
    void anIdleRequestWorkerEndsWellBeforeTheJdksCachedPoolWouldEndIt() throws Exception {
        CountDownLatch serving = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Router routes = new Router().add("GET", "/held", x -> {
            serving.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            x.send(200, "text/plain", "held".getBytes(StandardCharsets.UTF_8));
        });
        Path socket = dir.resolve("purser.sock");
        server = ApiServer.start(routes, socket, dir.resolve("spool"));
        try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            channel.connect(UnixDomainSocketAddress.of(socket));
            channel.write(ByteBuffer.wrap("GET /held HTTP/1.1\r\nHost: docker\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1)));
            assertThat(serving.await(30, TimeUnit.SECONDS)).as("the request reached its route").isTrue();
            assertThat(server.workerThreads()).as("workers while a request is served").isEqualTo(1);
            release.countDown();
            assertThat(channel.read(ByteBuffer.allocate(4096))).as("the answer").isPositive();
        }
        // the JDK's cached pool would keep it for 60 s: the deadline is half that
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (server.workerThreads() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(server.workerThreads()).as("workers alive after the server has been idle").isZero();
    }
}
