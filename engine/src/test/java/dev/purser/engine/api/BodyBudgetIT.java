package dev.purser.engine.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Large request bodies against a daemon with the heap it runs with when auto-started (256 MB,
 * docs/decisions/0005): what it cannot hold it refuses, and it stays healthy.
 */
class BodyBudgetIT {
    Path root;
    Path socket;
    Process daemon;

    @BeforeEach
    void startDaemon() throws Exception {
        root = Files.createDirectories(Path.of("/tmp/purser-it", "budget-" + UUID.randomUUID().toString().substring(0, 8)));
        socket = root.resolve("purser.sock");
        List<String> cmd = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:+UseSerialGC", "-Xms16m", "-Xmx256m",
                "-cp", System.getProperty("java.class.path"), Daemon.class.getName(),
                "--root", root.resolve("state").toString(), "-H", "unix://" + socket, "--cgroup-parent", "purser-it");
        daemon = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(root.resolve("daemon.log").toFile()).start();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!pingAnswers()) {
            assertThat(daemon.isAlive()).as("the daemon is running: " + Files.readString(root.resolve("daemon.log"))).isTrue();
            assertThat(System.nanoTime()).as("the daemon comes up").isLessThan(deadline);
            LockSupport.parkNanos(50_000_000);
        }
    }

    @AfterEach
    void stopDaemon() throws Exception {
        daemon.destroy();
        daemon.waitFor(30, TimeUnit.SECONDS);
    }

    private boolean pingAnswers() {
        if (!Files.exists(socket)) {
            return false;
        }
        try {
            return new RawHttp(socket).send("GET /_ping HTTP/1.1\r\nHost: purser\r\nConnection: close\r\n\r\n",
                    Duration.ofSeconds(10)).statusLine().equals("HTTP/1.1 200 OK");
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** A create body of about {@code size} bytes: one environment variable carries it. */
    private static byte[] createBody(int size) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(size + 100);
        out.writeBytes("{\"Image\":\"nothere:1\",\"Cmd\":[\"true\"],\"Env\":[\"A=".getBytes(StandardCharsets.US_ASCII));
        out.writeBytes("x".repeat(size).getBytes(StandardCharsets.US_ASCII));
        out.writeBytes("\"]}".getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }

    @Test
    void twentyConcurrent15MbJsonBodiesAreServedOrRefusedAndTheDaemonStaysHealthy() throws Exception {
        byte[] body = createBody(15 << 20);
        byte[] head = ("POST /v1.41/containers/create HTTP/1.1\r\nHost: purser\r\nConnection: close\r\n"
                + "Content-Type: application/json\r\nContent-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] request = new byte[head.length + body.length];
        System.arraycopy(head, 0, request, 0, head.length);
        System.arraycopy(body, 0, request, head.length, body.length);
        RawHttp http = new RawHttp(socket);
        ExecutorService clients = Executors.newFixedThreadPool(20);
        List<Future<RawHttp.Reply>> replies = new ArrayList<>();
        try {
            for (int i = 0; i < 20; i++) {
                replies.add(clients.submit(() -> http.send(request, false, Duration.ofSeconds(120))));
            }
            List<String> statuses = new ArrayList<>();
            for (Future<RawHttp.Reply> reply : replies) {
                statuses.add(reply.get().statusLine());
            }
            // 404: read, parsed and served (there is no such image); 503: refused, over the budget
            assertThat(statuses).allMatch(s -> s.startsWith("HTTP/1.1 404") || s.startsWith("HTTP/1.1 503"), "404 or 503");
            assertThat(statuses).anyMatch(s -> s.startsWith("HTTP/1.1 404"));
        } finally {
            clients.shutdownNow();
        }
        assertThat(pingAnswers()).isTrue();
        assertThat(daemon.isAlive()).isTrue();
        assertThat(Files.readString(root.resolve("daemon.log"))).doesNotContain("OutOfMemoryError");
    }

    @Test
    void refusedBodiesGiveTheirShareBackSoLaterOnesAreServed() throws Exception {
        twentyConcurrent15MbJsonBodiesAreServedOrRefusedAndTheDaemonStaysHealthy();
        byte[] body = createBody(15 << 20);
        String reply = new RawHttp(socket).send(("POST /v1.41/containers/create HTTP/1.1\r\nHost: purser\r\nConnection: close\r\n"
                + "Content-Type: application/json\r\nContent-Length: " + body.length + "\r\n\r\n"
                + new String(body, StandardCharsets.ISO_8859_1)), Duration.ofSeconds(60)).statusLine();
        assertThat(reply).startsWith("HTTP/1.1 404");
    }
}
