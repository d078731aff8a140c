package dev.purser.engine.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The daemon's early listener against a real {@link ApiServer} on a real socket: {@code /_ping}
 * answered before the server listens, exactly as the server answers it; every other request
 * served by the server, on connections the early listener accepted as on new ones.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class EarlyListenerTest {
    private static final String PING = "GET /_ping HTTP/1.1\r\nHost: docker\r\n\r\n";
    private static final String THINGS = "GET /things HTTP/1.1\r\nHost: docker\r\n\r\n";

    private Path dir;
    private Path socket;
    private EarlyListener early;
    private ApiServer server;

    @BeforeEach
    void createDirectory() throws IOException {
        dir = Files.createTempDirectory(Path.of("/tmp"), "early-");
        socket = dir.resolve("purser.sock");
    }

    @AfterEach
    void close() throws IOException {
        if (server != null) {
            server.close();
        }
        if (early != null) {
            early.close();
        }
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    /** The server, with one route of its own besides /_ping. */
    private void startServer() throws Exception {
        Router routes = SystemApi.pingRoutes(new Router())
                .add("GET", "/things", x -> x.send(200, "text/plain", "things".getBytes(StandardCharsets.UTF_8)));
        server = ApiServer.start(routes, socket, dir.resolve("spool"));
    }

    private static SocketChannel connect(Path socket) throws IOException {
        SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX);
        channel.connect(UnixDomainSocketAddress.of(socket));
        return channel;
    }

    private static void send(SocketChannel channel, String text) throws IOException {
        ByteBuffer bytes = ByteBuffer.wrap(text.getBytes(StandardCharsets.ISO_8859_1));
        while (bytes.hasRemaining()) {
            channel.write(bytes);
        }
    }

    /** Reads until the connection has delivered {@code responses} complete responses (each with a content-length). */
    private static String receive(SocketChannel channel, int responses) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        ByteBuffer buffer = ByteBuffer.allocate(8192);
        while (complete(all.toString(StandardCharsets.ISO_8859_1)) < responses) {
            buffer.clear();
            if (channel.read(buffer) < 0) {
                break;
            }
            all.write(buffer.array(), 0, buffer.position());
        }
        return all.toString(StandardCharsets.ISO_8859_1);
    }

    private static int complete(String text) {
        int count = 0;
        int from = 0;
        while (true) {
            int end = text.indexOf("\r\n\r\n", from);
            if (end < 0) {
                return count;
            }
            String head = text.substring(from, end).toLowerCase(java.util.Locale.ROOT);
            int at = head.indexOf("content-length: ");
            int length = at < 0 ? 0 : Integer.parseInt(head.substring(at + 16, head.indexOf("\r\n", at) < 0 ? head.length() : head.indexOf("\r\n", at)).strip());
            if (text.length() < end + 4 + length) {
                return count;
            }
            count++;
            from = end + 4 + length;
        }
    }

    private static String readToEnd(SocketChannel channel) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        ByteBuffer buffer = ByteBuffer.allocate(8192);
        while (channel.read(buffer) >= 0) {
            all.write(buffer.array(), 0, buffer.position());
            buffer.clear();
        }
        return all.toString(StandardCharsets.ISO_8859_1);
    }

    private static String exchange(Path socket, String request) throws IOException {
        try (SocketChannel channel = connect(socket)) {
            send(channel, request);
            channel.shutdownOutput();
            return readToEnd(channel);
        }
    }

    @Test
    void pingIsAnsweredBeforeTheServerListens() throws Exception {
        early = EarlyListener.open(socket);

        try (SocketChannel channel = connect(socket)) {
            send(channel, PING);
            assertThat(receive(channel, 1)).startsWith("HTTP/1.1 200 OK\r\n").endsWith("\r\n\r\nOK");
        }
    }

    @Test
    void theEarlyAnswersToGetAndHeadOfPingAreTheServersByteForByte() throws Exception {
        early = EarlyListener.open(socket);
        String earlyGet = exchange(socket, PING);
        String earlyHead = exchange(socket, "HEAD /_ping HTTP/1.1\r\nHost: docker\r\n\r\n");
        startServer();
        early.handOver();

        assertThat(earlyGet).isEqualTo(exchange(socket, PING));
        assertThat(earlyHead).isEqualTo(exchange(socket, "HEAD /_ping HTTP/1.1\r\nHost: docker\r\n\r\n"));
        assertThat(early.accepted()).as("the server answered the second pair").isEqualTo(2);
    }

    @Test
    void theBuildHeaderIsTheOneTheServerSends() {
        String head = new String(EarlyConnection.pingResponse("0123abcd0000ffff; pid=42", "OK"), StandardCharsets.ISO_8859_1);

        assertThat(head).contains("\r\nPurser-Build: 0123abcd0000ffff; pid=42\r\n");
    }

    @Test
    void aRequestOtherThanPingWaitsForTheServerAndIsAnsweredByIt() throws Exception {
        early = EarlyListener.open(socket);
        try (SocketChannel channel = connect(socket)) {
            send(channel, THINGS);
            CompletableFuture<String> answer = CompletableFuture.supplyAsync(() -> {
                try {
                    return receive(channel, 1);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            startServer();
            early.handOver();

            assertThat(answer.get(30, TimeUnit.SECONDS)).startsWith("HTTP/1.1 200 OK\r\n").endsWith("\r\n\r\nthings");
        }
    }

    @Test
    void aPingAndThenAnotherRequestOnOneConnectionAreBothAnswered() throws Exception {
        early = EarlyListener.open(socket);
        try (SocketChannel channel = connect(socket)) {
            send(channel, PING);
            assertThat(receive(channel, 1)).endsWith("OK");
            startServer();
            early.handOver();
            send(channel, THINGS);
            assertThat(receive(channel, 1)).endsWith("things");
            send(channel, PING);
            assertThat(receive(channel, 1)).endsWith("OK");
        }
    }

    @Test
    void aConnectionAcceptedEarlyHandsEverythingAfterItsPingsToTheServerInOrder() throws Exception {
        early = EarlyListener.open(socket);
        try (SocketChannel channel = connect(socket)) {
            send(channel, PING + PING + THINGS + "GET /things HTTP/1.1\r\nConnection: close\r\n\r\n");
            CompletableFuture<String> answers = CompletableFuture.supplyAsync(() -> {
                try {
                    return readToEnd(channel);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            startServer();
            early.handOver();

            String all = answers.get(30, TimeUnit.SECONDS);
            assertThat(all.split("HTTP/1.1 200 OK", -1)).hasSize(5);
            assertThat(all.lastIndexOf("\r\n\r\nOK")).isLessThan(all.indexOf("\r\n\r\nthings"));
            assertThat(all).endsWith("things");
        }
    }

    @Test
    void afterTheHandOverNewConnectionsReachTheServer() throws Exception {
        early = EarlyListener.open(socket);
        startServer();
        early.handOver();

        assertThat(exchange(socket, THINGS)).endsWith("things");
        assertThat(exchange(socket, PING)).endsWith("OK");
        assertThat(early.accepted()).isZero();
    }

    @Test
    void aMalformedRequestOnAConnectionAcceptedEarlyGetsTheServersAnswer() throws Exception {
        String garbage = "GET /_ping HTTP/1.1\r\nHost: docker\r\nBad Header: x\r\n\r\n";
        early = EarlyListener.open(socket);
        try (SocketChannel channel = connect(socket)) {
            send(channel, garbage);
            channel.shutdownOutput();
            CompletableFuture<String> answer = CompletableFuture.supplyAsync(() -> {
                try {
                    return readToEnd(channel);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            startServer();
            early.handOver();
            String direct = exchange(socket, garbage);

            assertThat(answer.get(30, TimeUnit.SECONDS)).isEqualTo(direct);
        }
    }

    @Test
    void theSocketIsReadableAndWritableByOwnerAndGroupOnly() throws Exception {
        early = EarlyListener.open(socket);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(socket))).isEqualTo("rw-rw----");
    }

    @Test
    void aStaleSocketFileIsReplaced() throws Exception {
        Files.writeString(socket, "stale");
        early = EarlyListener.open(socket);

        assertThat(exchange(socket, PING)).endsWith("OK");
    }

    @Test
    void closedBeforeTheHandOverTheSocketGoesAndAWaitingRequestEndsUnanswered() throws Exception {
        early = EarlyListener.open(socket);
        try (SocketChannel channel = connect(socket)) {
            send(channel, THINGS);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (early.accepted() == 0 && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            early.close();

            assertThat(readToEnd(channel)).isEmpty();
        }
        assertThat(socket).doesNotExist();
    }

    @Test
    void noBindingIsLeftBesideTheSocket() throws Exception {
        early = EarlyListener.open(socket);
        startServer();
        early.handOver();

        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".sock"))).containsExactly("purser.sock");
        }
    }
}
