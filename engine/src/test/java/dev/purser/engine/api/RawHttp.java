package dev.purser.engine.api;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A client that writes exactly the bytes a test gives it to the API socket and reads what comes
 * back until the server closes the connection or a deadline passes, so a request the server
 * neither answers nor closes shows up as an answer that never ended instead of a hung test.
 */
record RawHttp(Path socket) {
    /** What came back, and whether the server closed the connection before the deadline. */
    record Reply(String text, boolean closed) {
        String statusLine() {
            int end = text.indexOf("\r\n");
            return end < 0 ? text : text.substring(0, end);
        }

        String body() {
            int start = text.indexOf("\r\n\r\n");
            return start < 0 ? "" : text.substring(start + 4);
        }
    }

    Reply send(String request, Duration deadline) {
        return send(request.getBytes(StandardCharsets.ISO_8859_1), false, deadline);
    }

    /** Writes {@code request}; half-closes after it when {@code halfClose}; reads until closed or {@code deadline}. */
    Reply send(byte[] request, boolean halfClose, Duration deadline) {
        try (SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            ch.connect(UnixDomainSocketAddress.of(socket));
            ByteBuffer b = ByteBuffer.wrap(request);
            while (b.hasRemaining()) {
                ch.write(b);
            }
            if (halfClose) {
                ch.shutdownOutput();
            }
            return readUntilClosed(ch, deadline);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Opens a connection for a test that writes part of a request and then stops. */
    SocketChannel open() {
        try {
            SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX);
            ch.connect(UnixDomainSocketAddress.of(socket));
            return ch;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Reply readUntilClosed(SocketChannel ch, Duration deadline) throws IOException {
        ch.configureBlocking(false);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteBuffer buf = ByteBuffer.allocate(8192);
        long end = System.nanoTime() + deadline.toNanos();
        try (Selector selector = Selector.open()) {
            ch.register(selector, SelectionKey.OP_READ);
            while (true) {
                long left = (end - System.nanoTime()) / 1_000_000;
                if (left <= 0) {
                    return new Reply(out.toString(StandardCharsets.UTF_8), false);
                }
                selector.select(left);
                selector.selectedKeys().clear();
                int n;
                try {
                    n = ch.read(buf);
                } catch (IOException e) {
                    // reset by the server: closed too
                    return new Reply(out.toString(StandardCharsets.UTF_8), true);
                }
                if (n < 0) {
                    return new Reply(out.toString(StandardCharsets.UTF_8), true);
                }
                out.write(buf.array(), 0, buf.position());
                buf.clear();
            }
        }
    }
}
