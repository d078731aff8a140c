package dev.purser.tui.client;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;

/**
 * HTTP/1.1 to a daemon, one exchange per connection: a Unix socket connects in microseconds, and
 * a connection of its own lets each stream (or hijacked session) be closed without touching the
 * others. Deliberately small: the Engine API needs requests with a JSON or tar body, answers
 * framed by Content-Length, chunks or the end of the connection, and the {@code Upgrade: tcp}
 * hijack; nothing else (no TLS, redirects, keep-alive or compression).
 */
final class HttpTransport {
    private static final int BODY_CHUNK = 64 * 1024;

    private final DaemonAddress address;
    private final String userAgent;

    HttpTransport(DaemonAddress address, String userAgent) {
        this.address = address;
        this.userAgent = userAgent;
    }

    DaemonAddress address() {
        return address;
    }

    /** Sends a request with a body of known bytes (or none) and reads the answer's head. */
    Response send(String method, String path, byte[] body, String contentType) {
        return exchange(method, path, contentType, false, out -> {
            if (body != null) out.write(body);
        }, body == null ? (method.equals("POST") || method.equals("PUT") ? 0 : -1) : body.length);
    }

    /** Sends a request whose body is streamed from {@code body} (chunked) and reads the answer's head. */
    Response stream(String method, String path, InputStream body, String contentType) {
        if (body == null) return send(method, path, null, contentType);
        return exchange(method, path, contentType, false, out -> {
            byte[] buffer = new byte[BODY_CHUNK];
            for (int n; (n = body.read(buffer)) >= 0; ) {
                if (n == 0) continue;
                out.write((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                out.write(buffer, 0, n);
                out.write(CRLF);
            }
            out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        }, -2);
    }

    /**
     * Sends {@code POST path} with {@code Upgrade: tcp} and returns once the head has arrived;
     * the answer's body is then the raw stream from the daemon, and the connection's output is
     * the container's (or exec's) stdin.
     */
    Response hijack(String path, byte[] jsonBody) {
        byte[] body = jsonBody == null ? new byte[0] : jsonBody;
        return exchange("POST", path, jsonBody == null ? null : "application/json", true, out -> out.write(body), body.length);
    }

    private static final byte[] CRLF = {'\r', '\n'};

    private interface BodyWriter {
        void write(OutputStream out) throws IOException;
    }

    /** {@code length}: the Content-Length, -1 for no body, -2 for a chunked body. */
    private Response exchange(String method, String path, String contentType, boolean upgrade, BodyWriter body, long length) {
        SocketChannel channel = address.connect();
        try {
            StringBuilder head = new StringBuilder(256)
                    .append(method).append(' ').append(path).append(" HTTP/1.1\r\n")
                    .append("Host: docker\r\n")
                    .append("User-Agent: ").append(userAgent).append("\r\n");
            // One exchange per connection: the daemon closes after its answer, which also ends a
            // body framed by neither length nor chunks.
            head.append(upgrade ? "Connection: Upgrade\r\nUpgrade: tcp\r\n" : "Connection: close\r\n");
            if (contentType != null && length != -1) head.append("Content-Type: ").append(contentType).append("\r\n");
            if (length >= 0) head.append("Content-Length: ").append(length).append("\r\n");
            if (length == -2) head.append("Transfer-Encoding: chunked\r\n");
            head.append("\r\n");
            OutputStream out = ChannelStreams.output(channel);
            InputStream in = new BufferedInputStream(ChannelStreams.input(channel), 8192);
            IOException writeFailure = null;
            try {
                out.write(head.toString().getBytes(StandardCharsets.UTF_8));
                body.write(out);
            } catch (IOException e) {
                // The daemon may answer (say, 400 for a bad tarball) and close before the body is
                // all sent: its answer says more than the broken pipe.
                writeFailure = e;
            }
            ResponseHead answer;
            try {
                answer = ResponseHead.read(in);
            } catch (IOException e) {
                throw writeFailure != null ? writeFailure : e;
            }
            InputStream bodyIn = upgrade && (answer.status() == 101 || answer.status() < 300) ? in : answer.body(in, method);
            return new Response(answer, bodyIn, channel);
        } catch (IOException e) {
            closeQuietly(channel);
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            closeQuietly(channel);
            throw e;
        }
    }

    private static void closeQuietly(SocketChannel channel) {
        try {
            channel.close();
        } catch (IOException ignored) {
            // closing is best effort
        }
    }
}
