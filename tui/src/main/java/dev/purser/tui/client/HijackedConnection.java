package dev.purser.tui.client;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.URI;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * A hijacked Engine API connection (attach, exec start) with both directions under our control:
 * every write goes out at once, {@link #shutdownOutput()} half-closes (Docker's CloseWrite, so a
 * StdinOnce container sees EOF while its output keeps coming), and {@link #close()} unblocks a
 * reader on another thread.
 *
 * <p>Why not docker-java's hijacking: its transport copies the input on its own thread with no
 * half-close and no way to stop it, which a detach and a piped stdin both need.
 *
 * <p>The streams do not use {@code Channels.newInputStream/newOutputStream}: those lock the
 * channel's blocking lock for each call, so a read blocked on one thread would hold up every
 * write (keystroke) from another.
 */
public final class HijackedConnection implements AutoCloseable {
    private final SocketChannel channel;
    private final InputStream input;
    private final OutputStream output;

    private HijackedConnection(SocketChannel channel, InputStream input) {
        this.channel = channel;
        this.input = input;
        this.output = new ChannelOutput(channel);
    }

    /**
     * Sends {@code POST path} (with {@code Upgrade: tcp}) to the daemon at {@code host}
     * ({@code unix:///path} or {@code tcp://host:port}) and returns once the response headers
     * have arrived. An error status becomes a {@link DaemonError}; a dead socket a
     * {@link DaemonUnavailableException}.
     */
    public static HijackedConnection open(String host, String path, byte[] jsonBody) {
        SocketChannel channel;
        try {
            channel = SocketChannel.open(address(host));
        } catch (IOException e) {
            String m = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
            if (m.contains("permission denied")) throw DaemonUnavailableException.permissionDenied(host);
            throw DaemonUnavailableException.notRunning(host);
        }
        try {
            StringBuilder request = new StringBuilder()
                    .append("POST /v").append(EngineConnection.API_VERSION).append(path).append(" HTTP/1.1\r\n")
                    .append("Host: docker\r\n")
                    .append("User-Agent: purser\r\n")
                    .append("Connection: Upgrade\r\n")
                    .append("Upgrade: tcp\r\n");
            byte[] body = jsonBody == null ? new byte[0] : jsonBody;
            if (jsonBody != null) request.append("Content-Type: application/json\r\n");
            request.append("Content-Length: ").append(body.length).append("\r\n\r\n");
            OutputStream out = new ChannelOutput(channel);
            out.write(request.toString().getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            InputStream in = new java.io.BufferedInputStream(new ChannelInput(channel), 8192);
            String statusLine = readLine(in);
            String[] parts = statusLine.split(" ", 3);
            if (parts.length < 2 || !parts[0].startsWith("HTTP/")) throw new IOException("bad response from daemon: " + statusLine);
            int status = Integer.parseInt(parts[1]);
            long contentLength = -1;
            boolean chunked = false;
            for (String line; !(line = readLine(in)).isEmpty(); ) {
                int colon = line.indexOf(':');
                if (colon < 0) continue;
                String name = line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
                String value = line.substring(colon + 1).trim();
                if (name.equals("content-length")) contentLength = Long.parseLong(value);
                if (name.equals("transfer-encoding") && value.toLowerCase(Locale.ROOT).contains("chunked")) chunked = true;
            }
            if (status >= 400) {
                byte[] error = chunked ? readChunked(in) : contentLength >= 0 ? in.readNBytes((int) contentLength) : in.readAllBytes();
                channel.close();
                throw new DaemonError(status, EngineConnection.errorMessage(error));
            }
            return new HijackedConnection(channel, in);
        } catch (IOException e) {
            closeQuietly(channel);
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            closeQuietly(channel);
            throw e;
        }
    }

    private static SocketAddress address(String host) {
        if (host.startsWith("unix://")) return UnixDomainSocketAddress.of(host.substring("unix://".length()));
        URI uri = URI.create(host.startsWith("tcp://") ? "http://" + host.substring(6) : host);
        return new InetSocketAddress(uri.getHost(), uri.getPort() < 0 ? 2375 : uri.getPort());
    }

    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b; (b = in.read()) >= 0; ) {
            if (b == '\n') break;
            if (b != '\r') line.write(b);
        }
        return line.toString(StandardCharsets.ISO_8859_1);
    }

    private static byte[] readChunked(InputStream in) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (true) {
            String size = readLine(in).split(";", 2)[0].trim();
            if (size.isEmpty()) return body.toByteArray();
            int n = Integer.parseInt(size, 16);
            if (n == 0) return body.toByteArray();
            body.write(in.readNBytes(n));
            readLine(in);
        }
    }

    /** What the daemon sends: raw bytes for a TTY, stdcopy frames otherwise. */
    public InputStream input() {
        return input;
    }

    /** To the container's stdin; each write is sent at once. */
    public OutputStream output() {
        return output;
    }

    /** Half-closes: the daemon sees the end of stdin, output keeps coming. */
    public void shutdownOutput() {
        try {
            channel.shutdownOutput();
        } catch (IOException ignored) {
            // the connection is already gone; nothing left to tell the daemon
        }
    }

    @Override
    public void close() {
        closeQuietly(channel);
    }

    private static void closeQuietly(SocketChannel channel) {
        try {
            channel.close();
        } catch (IOException ignored) {
            // closing is best effort
        }
    }

    private static final class ChannelInput extends InputStream {
        private final SocketChannel channel;

        ChannelInput(SocketChannel channel) {
            this.channel = channel;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            if (length == 0) return 0;
            try {
                int n;
                do {
                    n = channel.read(ByteBuffer.wrap(buffer, offset, length));
                } while (n == 0);
                return n;
            } catch (java.nio.channels.ClosedChannelException closed) {
                return -1;
            }
        }

        @Override
        public void close() throws IOException {
            channel.close();
        }
    }

    private static final class ChannelOutput extends OutputStream {
        private final SocketChannel channel;

        ChannelOutput(SocketChannel channel) {
            this.channel = channel;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] buffer, int offset, int length) throws IOException {
            ByteBuffer bytes = ByteBuffer.wrap(buffer, offset, length);
            while (bytes.hasRemaining()) channel.write(bytes);
        }
    }
}
