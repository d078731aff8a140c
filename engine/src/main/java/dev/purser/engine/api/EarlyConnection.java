package dev.purser.engine.api;

import java.io.IOException;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * One connection the early listener accepted: its {@code /_ping} requests are answered here, and
 * from the first request that is not one on, the connection is the server's: what came so far and
 * everything after goes through byte for byte, both ways, once the server has taken the socket's
 * path over (docs/decisions/0055). A client that pings and then asks for {@code ps} on the same
 * connection, as the docker CLI does, gets both.
 */
final class EarlyConnection {
    private static final int RELAY_BUFFER = 64 * 1024;

    private final SocketChannel client;
    private final byte[] pingResponse;
    private final byte[] headResponse;
    private final CompletableFuture<Path> server;

    /**
     * {@code server} completes with the path where the server listens once it has taken over, or
     * fails when the daemon ends before that.
     */
    EarlyConnection(SocketChannel client, String buildHeader, CompletableFuture<Path> server) {
        this.client = client;
        this.pingResponse = pingResponse(buildHeader, "OK");
        this.headResponse = pingResponse(buildHeader, "");
        this.server = server;
    }

    /**
     * What the server answers to {@code GET /_ping} (and, with no body, to HEAD), byte for byte:
     * its header names and order are Netty's ({@code server}, {@code content-type} in lower case).
     */
    static byte[] pingResponse(String buildHeader, String body) {
        StringBuilder head = new StringBuilder(256)
                .append("HTTP/1.1 200 OK\r\n")
                .append("Api-Version: ").append(Exchange.API_VERSION).append("\r\n")
                .append("Docker-Experimental: false\r\n")
                .append("Ostype: linux\r\n")
                .append("server: purser\r\n");
        if (buildHeader != null) {
            head.append(BuildId.HEADER).append(": ").append(buildHeader).append("\r\n");
        }
        head.append("content-type: text/plain; charset=utf-8\r\n")
                .append("content-length: ").append(body.length()).append("\r\n\r\n")
                .append(body);
        return head.toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    /** Serves the connection until it ends; on the connection's own thread. */
    void serve() {
        try (client) {
            byte[] in = new byte[EdgeLimits.MAX_HEADER_BYTES + 4];
            int length = 0;
            while (true) {
                int end = EarlyRequest.headEnd(in, length);
                boolean inputEnded = false;
                while (end < 0 && length < in.length) {
                    int n = client.read(ByteBuffer.wrap(in, length, in.length - length));
                    if (n < 0) {
                        inputEnded = true;
                        break;
                    }
                    length += n;
                    end = EarlyRequest.headEnd(in, length);
                }
                if (inputEnded && length == 0) {
                    return;
                }
                Optional<EarlyRequest> request = end < 0 ? Optional.empty() : EarlyRequest.answerable(in, end);
                if (request.isEmpty()) {
                    relay(ByteBuffer.wrap(Arrays.copyOf(in, length)), inputEnded);
                    return;
                }
                write(client, ByteBuffer.wrap(request.get().head() ? headResponse : pingResponse));
                System.arraycopy(in, end, in, 0, length - end);
                length -= end;
                if (!request.get().keepAlive()) {
                    return;
                }
            }
        } catch (IOException e) {
            // the client went away: nothing to answer
        }
    }

    /**
     * Hands the connection to the server: {@code received} first, then whatever either side
     * sends, each side's end of input passed on as a half-close (an attach's client closing
     * stdin, the server ending a response).
     */
    private void relay(ByteBuffer received, boolean inputEnded) throws IOException {
        Path path;
        try {
            path = server.join();
        } catch (CompletionException | java.util.concurrent.CancellationException e) {
            return; // the daemon ends before its server listened: the connection closes unanswered
        }
        try (SocketChannel upstream = SocketChannel.open(UnixDomainSocketAddress.of(path))) {
            write(upstream, received);
            Thread back = new Thread(() -> pump(upstream, client), Thread.currentThread().getName() + "-back");
            back.setDaemon(true);
            back.start();
            if (inputEnded) {
                upstream.shutdownOutput();
            } else {
                pump(client, upstream);
            }
            try {
                back.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Copies {@code from} to {@code to} until {@code from} ends, then half-closes {@code to}; a failure ends both. */
    private static void pump(SocketChannel from, SocketChannel to) {
        ByteBuffer buffer = ByteBuffer.allocate(RELAY_BUFFER);
        try {
            while (from.read(buffer) >= 0) {
                buffer.flip();
                write(to, buffer);
                buffer.clear();
            }
            to.shutdownOutput();
        } catch (IOException e) {
            closeQuietly(from);
            closeQuietly(to);
        }
    }

    private static void write(SocketChannel to, ByteBuffer bytes) throws IOException {
        while (bytes.hasRemaining()) {
            to.write(bytes);
        }
    }

    private static void closeQuietly(SocketChannel channel) {
        try {
            channel.close();
        } catch (IOException e) {
            // closing is all that was left to do
        }
    }
}
