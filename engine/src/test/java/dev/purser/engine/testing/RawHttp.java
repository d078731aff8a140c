package dev.purser.engine.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

/**
 * One HTTP/1.1 exchange on the daemon's socket, written and read by hand: what a client that is
 * neither the docker CLI nor docker-java sends, and every byte of what comes back.
 */
public final class RawHttp {
    /** A response: the status line and headers as text, and the body's bytes as sent. */
    public record Response(int status, String head, byte[] body) {
        public String bodyText() {
            return new String(body, StandardCharsets.UTF_8);
        }

        /** A header's value (case-insensitive name), or null. */
        public String header(String name) {
            for (String line : head.split("\r\n")) {
                int colon = line.indexOf(':');
                if (colon > 0 && line.substring(0, colon).trim().toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT))) {
                    return line.substring(colon + 1).trim();
                }
            }
            return null;
        }

        /** The body of a chunked response, de-chunked. */
        public byte[] dechunked() {
            byte[] whole = new byte[head.length() + 4 + body.length];
            System.arraycopy(head.getBytes(StandardCharsets.ISO_8859_1), 0, whole, 0, head.length());
            System.arraycopy("\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1), 0, whole, head.length(), 4);
            System.arraycopy(body, 0, whole, head.length() + 4, body.length);
            return DockerStreams.chunkedBody(whole);
        }
    }

    private RawHttp() {}

    public static Response exchange(Path socket, String method, String path, String contentType, byte[] body) {
        return exchange(socket, method, path, contentType, body, () -> {});
    }

    /** As above, running {@code sent} once the request is written and before its answer is read. */
    public static Response exchange(Path socket, String method, String path, String contentType, byte[] body, Runnable sent) {
        try (SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            ch.connect(UnixDomainSocketAddress.of(socket));
            String head = method + " " + path + " HTTP/1.1\r\nHost: purser\r\nConnection: close\r\n"
                    + (body == null ? "" : "Content-Type: " + contentType + "\r\nContent-Length: " + body.length + "\r\n")
                    + "\r\n";
            ch.write(ByteBuffer.wrap(head.getBytes(StandardCharsets.US_ASCII)));
            if (body != null) {
                ByteBuffer b = ByteBuffer.wrap(body);
                while (b.hasRemaining()) {
                    ch.write(b);
                }
            }
            sent.run();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteBuffer buf = ByteBuffer.allocate(65536);
            while (ch.read(buf) > 0) {
                out.write(buf.array(), 0, buf.position());
                buf.clear();
            }
            byte[] all = out.toByteArray();
            String text = new String(all, StandardCharsets.ISO_8859_1);
            int end = text.indexOf("\r\n\r\n");
            if (end < 0) {
                throw new IllegalStateException("no complete response head: " + text);
            }
            int status = Integer.parseInt(text.substring(9, 12));
            return new Response(status, text.substring(0, end), Arrays.copyOfRange(all, end + 4, all.length));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Response json(Path socket, String method, String path, String json) {
        return exchange(socket, method, path, "application/json", json == null ? null : json.getBytes(StandardCharsets.UTF_8));
    }
}
