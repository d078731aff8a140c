package dev.purser.tui.client;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.SocketChannel;

/**
 * Streams over a blocking socket channel that, unlike {@code Channels.newInputStream}, take no
 * lock shared between the two directions: a read blocked on one thread never holds up a write
 * (a keystroke) from another. A read after {@code close()} from another thread ends the stream.
 */
final class ChannelStreams {
    private ChannelStreams() {}

    static InputStream input(SocketChannel channel) {
        return new InputStream() {
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
                } catch (ClosedChannelException closed) {
                    return -1;
                }
            }

            @Override
            public void close() throws IOException {
                channel.close();
            }
        };
    }

    static OutputStream output(SocketChannel channel) {
        return new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] buffer, int offset, int length) throws IOException {
                ByteBuffer bytes = ByteBuffer.wrap(buffer, offset, length);
                while (bytes.hasRemaining()) channel.write(bytes);
            }
        };
    }
}
