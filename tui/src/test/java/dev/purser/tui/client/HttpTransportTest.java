package dev.purser.tui.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The transport against a scripted server on a real Unix socket: one answer per connection. */
class HttpTransportTest {
    private Path dir;
    private ServerSocketChannel server;
    private HttpTransport http;

    @BeforeEach
    void listen() throws IOException {
        dir = Files.createTempDirectory("http-transport");
        Path socket = dir.resolve("d.sock");
        server = ServerSocketChannel.open(StandardProtocolFamily.UNIX).bind(UnixDomainSocketAddress.of(socket));
        http = new HttpTransport(DaemonAddress.of("unix://" + socket), "purser-test");
    }

    @AfterEach
    void close() throws IOException {
        server.close();
        Files.deleteIfExists(dir.resolve("d.sock"));
        Files.deleteIfExists(dir);
    }

    /** Answers the next connection with {@code answer} (and keeps it open, as a keep-alive server would); returns the request. */
    private CompletableFuture<String> answer(String answer) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                SocketChannel c = server.accept();
                ByteArrayOutputStream request = new ByteArrayOutputStream();
                ByteBuffer buf = ByteBuffer.allocate(65536);
                while (!request.toString(StandardCharsets.ISO_8859_1).contains("\r\n\r\n")
                        || !complete(request.toString(StandardCharsets.ISO_8859_1))) {
                    buf.clear();
                    if (c.read(buf) < 0) break;
                    request.write(buf.array(), 0, buf.position());
                }
                c.write(ByteBuffer.wrap(answer.getBytes(StandardCharsets.ISO_8859_1)));
                return request.toString(StandardCharsets.ISO_8859_1);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    private static boolean complete(String request) {
        if (request.contains("Transfer-Encoding: chunked")) return request.endsWith("0\r\n\r\n");
        int at = request.indexOf("Content-Length: ");
        if (at < 0) return true;
        int length = Integer.parseInt(request.substring(at + 16, request.indexOf("\r\n", at)));
        return request.length() - (request.indexOf("\r\n\r\n") + 4) >= length;
    }

    @Test
    void aNoContentAnswerHasAnEmptyBodyEvenOnAConnectionLeftOpen() throws Exception {
        CompletableFuture<String> request = answer("HTTP/1.1 204 No Content\r\nServer: x\r\n\r\n");
        try (Response r = http.send("POST", "/v1.41/containers/x/start", null, "application/json")) {
            assertThat(r.status()).isEqualTo(204);
            assertThat(r.body().readAllBytes()).isEmpty();
        }
        assertThat(request.get()).startsWith("POST /v1.41/containers/x/start HTTP/1.1\r\n").contains("Content-Length: 0\r\n")
                .contains("Connection: close\r\n");
    }

    @Test
    void aBodyWithContentLengthEndsAtItsLength() throws Exception {
        answer("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n[]trailing garbage");
        try (Response r = http.send("GET", "/v1.41/containers/json", null, null)) {
            assertThat(new String(r.body().readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("[]");
            assertThat(r.header("content-type")).isEqualTo("application/json");
        }
    }

    @Test
    void aChunkedBodyIsDecodedAndEndsAtTheLastChunk() throws Exception {
        answer("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n7;ext=1\r\n, world\r\n0\r\nX-Trailer: y\r\n\r\n");
        try (Response r = http.send("GET", "/v1.41/events", null, null)) {
            assertThat(new String(r.body().readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("hello, world");
        }
    }

    @Test
    void aStreamedUploadIsSentInChunks() throws Exception {
        CompletableFuture<String> request = answer("HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n");
        InputStream tar = new ByteArrayInputStream("tar bytes".getBytes(StandardCharsets.UTF_8));
        try (Response r = http.stream("POST", "/v1.41/images/load", tar, "application/x-tar")) {
            assertThat(r.status()).isEqualTo(200);
        }
        assertThat(request.get()).contains("Transfer-Encoding: chunked\r\n").contains("Content-Type: application/x-tar\r\n")
                .endsWith("\r\n\r\n9\r\ntar bytes\r\n0\r\n\r\n");
    }

    @Test
    void aHijackKeepsTheRawStreamAfterTheHead() throws Exception {
        CompletableFuture<String> request = answer("HTTP/1.1 101 UPGRADED\r\nContent-Type: application/vnd.docker.raw-stream\r\n"
                + "Connection: Upgrade\r\nUpgrade: tcp\r\n\r\nraw output");
        try (Response r = http.hijack("/v1.41/containers/x/attach?stream=1", null)) {
            byte[] got = r.body().readNBytes("raw output".length());
            assertThat(new String(got, StandardCharsets.UTF_8)).isEqualTo("raw output");
        }
        assertThat(request.get()).contains("Connection: Upgrade\r\nUpgrade: tcp\r\n");
    }

    @Test
    void nobodyListeningIsTheDaemonNotRunning() throws IOException {
        server.close();
        Files.deleteIfExists(dir.resolve("d.sock"));
        assertThatThrownBy(() -> http.send("GET", "/_ping", null, null)).isInstanceOf(DaemonUnavailableException.class);
    }
}
