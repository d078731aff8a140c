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
        byte[] header = new byte[8];
        while (true) {
            try {
                data.readFully(header);
            } catch (EOFException end) {
                return;
            }
            int length = ((header[4] & 0xff) << 24) | ((header[5] & 0xff) << 16) | ((header[6] & 0xff) << 8) | (header[7] & 0xff);
            byte[] payload = new byte[length];
            data.readFully(payload);
            OutputStream target = header[0] == 2 ? err : out;
            target.write(payload);
            target.flush();
        }
    }
}
