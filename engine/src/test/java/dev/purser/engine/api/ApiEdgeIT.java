package dev.purser.engine.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.purser.engine.testing.TestDaemon;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The HTTP edge through a raw socket: every request, however malformed, gets an answer or a
 * closed connection within a bounded time; clients that half-close after their request get
 * their response; bodies are bounded and their spool files go when the request ends.
 */
class ApiEdgeIT {
    /** Longer than any answer here takes; a request not answered within it was not going to be. */
    static final Duration ANSWERED = Duration.ofSeconds(20);
    /** How long the test daemon waits for the rest of a request that stopped coming. */
    static final Duration REQUEST_DEADLINE = Duration.ofSeconds(2);

    static TestDaemon daemon;
    static RawHttp http;

    @BeforeAll
    static void startDaemon() {
        daemon = TestDaemon.start(REQUEST_DEADLINE);
        http = new RawHttp(daemon.socket());
    }

    @AfterAll
    static void stopDaemon() {
        daemon.close();
    }

    private static RawHttp.Reply get(String path) {
        return request("GET", path);
    }

    private static RawHttp.Reply request(String method, String path) {
        return http.send(method + " " + path + " HTTP/1.1\r\nHost: purser\r\nConnection: close\r\nContent-Length: 0\r\n\r\n",
                ANSWERED);
    }

    private static void assertStillServing() {
        RawHttp.Reply ping = http.send("GET /_ping HTTP/1.1\r\nHost: purser\r\nConnection: close\r\n\r\n", ANSWERED);
        assertThat(ping.statusLine()).isEqualTo("HTTP/1.1 200 OK");
    }

    // ---- malformed requests -------------------------------------------------------------------

    @Test
    void headerLineWithoutAColonIsA400AndTheConnectionCloses() {
        RawHttp.Reply r = http.send("GET /_ping HTTP/1.1\r\nHost: purser\r\nthis is not a header\r\n\r\n", ANSWERED);
        assertThat(r.statusLine()).startsWith("HTTP/1.1 400");
        assertThat(r.closed()).isTrue();
        assertStillServing();
    }

    @Test
    void negativeContentLengthIsA400AndTheConnectionCloses() {
        RawHttp.Reply r = http.send("POST /containers/create HTTP/1.1\r\nHost: purser\r\nContent-Length: -5\r\n\r\n{}", ANSWERED);
        assertThat(r.statusLine()).startsWith("HTTP/1.1 400");
        assertThat(r.closed()).isTrue();
    }

    @Test
    void nonNumericContentLengthIsA400AndTheConnectionCloses() {
        RawHttp.Reply r = http.send("POST /containers/create HTTP/1.1\r\nHost: purser\r\nContent-Length: ten\r\n\r\n{}", ANSWERED);
        assertThat(r.statusLine()).startsWith("HTTP/1.1 400");
        assertThat(r.closed()).isTrue();
    }

    @Test
    void conflictingContentLengthsAreA400AndTheConnectionCloses() {
        RawHttp.Reply r = http.send("POST /containers/create HTTP/1.1\r\nHost: purser\r\nContent-Length: 2\r\n"
                + "Content-Length: 7\r\n\r\n{}", ANSWERED);
        assertThat(r.statusLine()).startsWith("HTTP/1.1 400");
        assertThat(r.closed()).isTrue();
    }

    @Test
    void headersOver8KbAreA431AndTheConnectionCloses() {
        RawHttp.Reply r = http.send("GET /_ping HTTP/1.1\r\nHost: purser\r\nX-Big: " + "a".repeat(9000) + "\r\n\r\n", ANSWERED);
        assertThat(r.statusLine()).startsWith("HTTP/1.1 431");
        assertThat(r.closed()).isTrue();
        assertStillServing();
    }

    @Test
    void badPercentEscapeInThePathIsA400AndTheConnectionCloses() {
        RawHttp.Reply r = get("/containers/%zz/json");
        assertThat(r.statusLine()).startsWith("HTTP/1.1 400");
        assertThat(r.closed()).isTrue();
        assertStillServing();
    }

    @Test
    void badPercentEscapeInTheQueryIsA400AndTheConnectionCloses() {
        RawHttp.Reply r = get("/containers/json?all=%g1");
        assertThat(r.statusLine()).startsWith("HTTP/1.1 400");
        assertThat(r.closed()).isTrue();
    }

    @Test
    void requestWhoseHeadersStopComingIsClosedAfterTheDeadline() {
        RawHttp.Reply r = http.send("GET /_ping HTTP/1.1\r\nHost: pur", ANSWERED);
        assertThat(r.closed()).isTrue();
    }

    @Test
    void requestWhoseBodyStopsComingIsClosedAfterTheDeadline() {
        RawHttp.Reply r = http.send("POST /containers/create HTTP/1.1\r\nHost: purser\r\nContent-Length: 100\r\n\r\n{\"Ima", ANSWERED);
        assertThat(r.closed()).isTrue();
        assertStillServing();
    }

    @Test
    void idleKeepAliveConnectionAfterAnAnswerIsNotCutOff() throws IOException {
        try (SocketChannel ch = http.open()) {
            ch.write(ByteBuffer.wrap("GET /_ping HTTP/1.1\r\nHost: purser\r\n\r\n".getBytes(StandardCharsets.US_ASCII)));
            RawHttp.Reply first = RawHttp.readUntilClosed(ch, REQUEST_DEADLINE.multipliedBy(2));
            assertThat(first.statusLine()).isEqualTo("HTTP/1.1 200 OK");
            assertThat(first.closed()).isFalse();
            ch.configureBlocking(true);
            ch.write(ByteBuffer.wrap("GET /_ping HTTP/1.1\r\nHost: purser\r\nConnection: close\r\n\r\n".getBytes(StandardCharsets.US_ASCII)));
            RawHttp.Reply second = RawHttp.readUntilClosed(ch, ANSWERED);
            assertThat(second.statusLine()).isEqualTo("HTTP/1.1 200 OK");
        }
    }

    // ---- half-closing clients -----------------------------------------------------------------

    @Test
    void clientsThatHalfCloseAfterTheirRequestGetEveryShortResponse() {
        byte[] request = "GET /nope HTTP/1.1\r\nHost: purser\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
        List<String> lost = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            RawHttp.Reply r = http.send(request, true, ANSWERED);
            if (!r.statusLine().equals("HTTP/1.1 404 Not Found") || !r.body().equals("{\"message\":\"page not found\"}")) {
                lost.add(i + ": " + r.text());
            }
        }
        assertThat(lost).isEmpty();
    }

    @Test
    void clientThatHalfClosesGetsALargeResponseWhole() {
        byte[] request = "GET /containers/json?all=1 HTTP/1.1\r\nHost: purser\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
        RawHttp.Reply r = http.send(request, true, ANSWERED);
        assertThat(r.statusLine()).isEqualTo("HTTP/1.1 200 OK");
        assertThat(r.closed()).isTrue();
    }

    // ---- unknown objects ----------------------------------------------------------------------

    @Test
    void unknownExecIsA404() {
        RawHttp.Reply r = get("/exec/0/json");
        assertThat(r.statusLine()).startsWith("HTTP/1.1 404");
        assertThat(r.body()).isEqualTo("{\"message\":\"No such exec instance: 0\"}");
    }

    @Test
    void startingAnUnknownExecIsA404() {
        RawHttp.Reply r = http.send("POST /exec/0/start HTTP/1.1\r\nHost: purser\r\nContent-Type: application/json\r\n"
                + "Connection: close\r\nContent-Length: 2\r\n\r\n{}", ANSWERED);
        assertThat(r.statusLine()).startsWith("HTTP/1.1 404");
        assertThat(r.body()).isEqualTo("{\"message\":\"No such exec instance: 0\"}");
    }

    @Test
    void resizingAnUnknownExecIsA404() {
        RawHttp.Reply r = request("POST", "/exec/0/resize?h=10&w=10");
        assertThat(r.statusLine()).startsWith("HTTP/1.1 404");
        assertThat(r.body()).isEqualTo("{\"message\":\"No such exec instance: 0\"}");
    }

    @Test
    void unknownContainerIsA404ForEveryContainerEndpoint() {
        List<String> wrong = new ArrayList<>();
        Stream.of("GET /containers/nothere/json", "POST /containers/nothere/start", "POST /containers/nothere/stop",
                "POST /containers/nothere/kill", "POST /containers/nothere/restart", "POST /containers/nothere/pause",
                "POST /containers/nothere/unpause", "POST /containers/nothere/rename?name=x", "DELETE /containers/nothere",
                "GET /containers/nothere/top", "POST /containers/nothere/resize?h=1&w=1", "POST /containers/nothere/wait",
                "GET /containers/nothere/logs?stdout=1", "GET /containers/nothere/stats?stream=0",
                "POST /containers/nothere/attach?stream=1&stdout=1").forEach(call -> {
                    String[] parts = call.split(" ");
                    RawHttp.Reply r = request(parts[0], parts[1]);
                    if (!r.statusLine().startsWith("HTTP/1.1 404") || !r.body().equals("{\"message\":\"No such container: nothere\"}")) {
                        wrong.add(call + " -> " + r.statusLine() + " " + r.body());
                    }
                });
        assertThat(wrong).isEmpty();
    }

    @Test
    void execInAnUnknownContainerIsA404() {
        String body = "{\"Cmd\":[\"true\"]}";
        RawHttp.Reply r = http.send("POST /containers/nothere/exec HTTP/1.1\r\nHost: purser\r\nConnection: close\r\n"
                + "Content-Type: application/json\r\n"
                + "Content-Length: " + body.length() + "\r\n\r\n" + body, ANSWERED);
        assertThat(r.statusLine()).startsWith("HTTP/1.1 404");
        assertThat(r.body()).isEqualTo("{\"message\":\"No such container: nothere\"}");
    }

    @Test
    void unknownImageIsA404ForEveryImageEndpoint() {
        List<String> wrong = new ArrayList<>();
        Stream.of("GET /images/nothere:1/json", "GET /images/nothere:1/history", "POST /images/nothere:1/tag?repo=x&tag=y",
                "DELETE /images/nothere:1").forEach(call -> {
                    String[] parts = call.split(" ");
                    RawHttp.Reply r = request(parts[0], parts[1]);
                    if (!r.statusLine().startsWith("HTTP/1.1 404") || !r.body().equals("{\"message\":\"No such image: nothere:1\"}")) {
                        wrong.add(call + " -> " + r.statusLine() + " " + r.body());
                    }
                });
        assertThat(wrong).isEmpty();
    }

    @Test
    void savingAnUnknownImageIsA404() {
        RawHttp.Reply r = get("/images/nothere:1/get");
        assertThat(r.statusLine()).startsWith("HTTP/1.1 404");
        assertThat(r.body()).contains("nothere:1");
    }

    // ---- bodies -------------------------------------------------------------------------------

    @Test
    void uploadCutOffMidBodyLeavesNoSpoolFile() throws Exception {
        Path spool = daemon.engine().root().resolve("tmp/api");
        try (SocketChannel ch = http.open()) {
            ch.write(ByteBuffer.wrap(("POST /images/load HTTP/1.1\r\nHost: purser\r\nContent-Type: application/x-tar\r\n"
                    + "Content-Length: " + (50 << 20) + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII)));
            ByteBuffer part = ByteBuffer.allocate(4 << 20);
            while (part.hasRemaining()) {
                ch.write(part);
            }
            awaitSpoolFile(spool);
        }
        awaitNoSpoolFile(spool);
        assertThat(spoolFiles(spool)).isEmpty();
        assertStillServing();
    }

    @Test
    void uploadWhoseBodyStopsComingLeavesNoSpoolFile() throws Exception {
        Path spool = daemon.engine().root().resolve("tmp/api");
        try (SocketChannel ch = http.open()) {
            ch.write(ByteBuffer.wrap(("POST /images/load HTTP/1.1\r\nHost: purser\r\nContent-Type: application/x-tar\r\n"
                    + "Content-Length: " + (50 << 20) + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII)));
            ch.write(ByteBuffer.allocate(1 << 20));
            RawHttp.Reply r = RawHttp.readUntilClosed(ch, ANSWERED);
            assertThat(r.closed()).isTrue();
        }
        awaitNoSpoolFile(spool);
        assertThat(spoolFiles(spool)).isEmpty();
    }

    private static void awaitSpoolFile(Path spool) throws IOException {
        long deadline = System.nanoTime() + ANSWERED.toNanos();
        while (spoolFiles(spool).isEmpty()) {
            assertThat(System.nanoTime()).as("a spool file appears for the upload").isLessThan(deadline);
            LockSupport.parkNanos(20_000_000);
        }
    }

    /** Waits, up to {@link #ANSWERED}, for the spool directory to empty; the caller asserts it did. */
    private static void awaitNoSpoolFile(Path spool) throws IOException {
        long deadline = System.nanoTime() + ANSWERED.toNanos();
        while (!spoolFiles(spool).isEmpty() && System.nanoTime() < deadline) {
            LockSupport.parkNanos(20_000_000);
        }
    }

    private static List<Path> spoolFiles(Path spool) throws IOException {
        if (!Files.isDirectory(spool)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(spool)) {
            return files.toList();
        }
    }
}
