package dev.purser.engine.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.purser.engine.testing.TestDaemon;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Bad requests get Docker's status code and a one-line JSON message, and the daemon keeps serving. */
class ApiBadInputIT {
    static TestDaemon daemon;

    @BeforeAll
    static void startDaemon() {
        daemon = TestDaemon.start();
    }

    @AfterAll
    static void stopDaemon() {
        daemon.close();
    }

    /** Sends one raw HTTP/1.1 request and returns the whole response (the server closes after it). */
    private static String request(String method, String path, byte[] body) throws IOException {
        try (SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            ch.connect(UnixDomainSocketAddress.of(daemon.socket()));
            String head = method + " " + path + " HTTP/1.1\r\nHost: purser\r\nConnection: close\r\n"
                    + "Content-Type: application/json\r\nContent-Length: " + body.length + "\r\n\r\n";
            ch.write(ByteBuffer.wrap(head.getBytes(StandardCharsets.US_ASCII)));
            ByteBuffer b = ByteBuffer.wrap(body);
            while (b.hasRemaining()) {
                ch.write(b);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteBuffer buf = ByteBuffer.allocate(8192);
            while (ch.read(buf) > 0) {
                out.write(buf.array(), 0, buf.position());
                buf.clear();
            }
            return out.toString(StandardCharsets.UTF_8);
        }
    }

    private static String request(String method, String path, String body) throws IOException {
        return request(method, path, body.getBytes(StandardCharsets.UTF_8));
    }

    private static void assertStillServing() throws IOException {
        assertThat(request("GET", "/_ping", "")).startsWith("HTTP/1.1 200").endsWith("OK");
    }

    @Test
    void malformedJsonIsA400() throws IOException {
        String r = request("POST", "/v1.41/containers/create", "{\"Image\": \"busybox\",");
        assertThat(r).startsWith("HTTP/1.1 400").contains("{\"message\":\"invalid JSON");
        assertStillServing();
    }

    @Test
    void fieldOfTheWrongTypeIsA400() throws IOException {
        String r = request("POST", "/v1.41/containers/create",
                "{\"Image\": \"busybox\", \"Cmd\": [\"true\"], \"HostConfig\": {\"Memory\": \"lots\"}}");
        assertThat(r).startsWith("HTTP/1.1 400").contains("Memory");
        assertStillServing();
    }

    @Test
    void consoleSizeThatIsNotAHeightAndAWidthIsA400() throws IOException {
        String r = request("POST", "/v1.47/containers/create",
                "{\"Image\": \"busybox\", \"Tty\": true, \"HostConfig\": {\"ConsoleSize\": [-1, 80]}}");
        assertThat(r).startsWith("HTTP/1.1 400").contains("{\"message\":\"invalid ConsoleSize [-1, 80]: expected [height, width]\"}");
        assertStillServing();
    }

    @Test
    void invalidContainerNameIsA400() throws IOException {
        String r = request("POST", "/v1.41/containers/create?name=bad%20name", "{\"Image\": \"busybox\", \"Cmd\": [\"true\"]}");
        assertThat(r).startsWith("HTTP/1.1 400").contains("Invalid container name (bad name)");
    }

    @Test
    void missingImageIsA404() throws IOException {
        String r = request("POST", "/v1.41/containers/create", "{\"Image\": \"nothere:1\", \"Cmd\": [\"true\"]}");
        assertThat(r).startsWith("HTTP/1.1 404").contains("No such image: nothere:1");
    }

    @Test
    void missingContainerIsA404() throws IOException {
        String r = request("GET", "/v1.41/containers/nothere/json", "");
        assertThat(r).startsWith("HTTP/1.1 404").contains("{\"message\":\"No such container: nothere\"}");
    }

    @Test
    void unknownEndpointIsA404WithJson() throws IOException {
        String r = request("GET", "/v1.41/no/such/thing", "");
        assertThat(r).startsWith("HTTP/1.1 404").contains("{\"message\":\"page not found\"}");
    }

    @Test
    void hugeBodyIsA413AndTheDaemonKeepsServing() throws IOException {
        byte[] body = new byte[ApiServer.MAX_JSON_BODY + 1024];
        java.util.Arrays.fill(body, (byte) ' ');
        String r = request("POST", "/v1.41/containers/create", body);
        assertThat(r).startsWith("HTTP/1.1 413").contains("request body too large");
        assertStillServing();
    }

    @Test
    void tooNewApiVersionIsA400() throws IOException {
        String r = request("GET", "/v9.99/info", "");
        assertThat(r).startsWith("HTTP/1.1 400").contains("client version 9.99 is too new");
    }

    @Test
    void malformedLoadTarballIsA400AndChangesNothing() throws IOException {
        String before = request("GET", "/v1.41/images/json", "");
        String r = request("POST", "/v1.41/images/load", "this is not a tar".getBytes(StandardCharsets.UTF_8));
        assertThat(r).startsWith("HTTP/1.1 400");
        assertThat(request("GET", "/v1.41/images/json", "").replaceAll("Date: .*\r\n", ""))
                .isEqualTo(before.replaceAll("Date: .*\r\n", ""));
    }

    @Test
    void invalidFilterIsA400() throws IOException {
        String r = request("GET", "/v1.41/containers/json?filters=%7B%22status%22%3A%5B%22sleepy%22%5D%7D", "");
        assertThat(r).startsWith("HTTP/1.1 400").contains("invalid filter 'status=sleepy'");
    }

    @Test
    void apiSocketIsNotWorldAccessible() throws IOException {
        var perms = java.nio.file.Files.getPosixFilePermissions(daemon.socket());
        assertThat(perms).doesNotContain(java.nio.file.attribute.PosixFilePermission.OTHERS_READ,
                java.nio.file.attribute.PosixFilePermission.OTHERS_WRITE);
    }
}
