package dev.purser.tui.client;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * Splits Docker's multiplexed stream (8-byte header: stream type, 3 zero bytes, big-endian
 * length) into stdout and stderr. Containers with a TTY send raw bytes instead; the caller says
 * which it expects because the header cannot be told apart from output reliably.
 */
public final class StreamDemux {
    private StreamDemux() {}

    public static void copy(InputStream in, boolean tty, OutputStream out, OutputStream err) throws IOException {
        if (tty) {
            byte[] buf = new byte[8192];
            for (int n; (n = in.read(buf)) > 0; ) {
                out.write(buf, 0, n);
                out.flush();
            }
            return;
        }
        DataInputStream data = new DataInputStream(in);
        for (Frame frame; (frame = Frame.read(data)) != null; ) {
            OutputStream target = frame.stderr() ? err : out;
            target.write(frame.payload());
            target.flush();
        }
    }

    /**
     * The payloads of a multiplexed stream, stdout and stderr together in the order they came:
     * what a terminal shows, where both go to the same screen. Closing it closes {@code in}.
     */
    public static InputStream merged(InputStream in) {
        DataInputStream data = new DataInputStream(in);
        return new InputStream() {
            private byte[] payload = new byte[0];
            private int position;

            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                if (length == 0) return 0;
                while (position == payload.length) {
                    Frame frame = Frame.read(data);
                    if (frame == null) return -1;
                    payload = frame.payload();
                    position = 0;
                }
                int n = Math.min(length, payload.length - position);
                System.arraycopy(payload, position, buffer, offset, n);
                position += n;
                return n;
            }

            @Override
            public void close() throws IOException {
                in.close();
            }
        };
    }

    /** One frame: an 8-byte header (stream type, 3 zero bytes, big-endian length), then the payload. */
    private record Frame(boolean stderr, byte[] payload) {
        /** The next frame, or null at the end of the stream. */
        static Frame read(DataInputStream data) throws IOException {
            byte[] header = new byte[8];
            try {
                data.readFully(header);
            } catch (EOFException end) {
                return null;
            }
            int length = ((header[4] & 0xff) << 24) | ((header[5] & 0xff) << 16) | ((header[6] & 0xff) << 8) | (header[7] & 0xff);
            byte[] payload = new byte[length];
            data.readFully(payload);
            return new Frame(header[0] == 2, payload);
        }
    }
}
