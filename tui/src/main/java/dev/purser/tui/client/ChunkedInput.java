package dev.purser.tui.client;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;

/**
 * A chunked HTTP/1.1 body (RFC 9112 §7.1), decoded as it arrives, so a stream (logs -f, events)
 * reaches the caller chunk by chunk. Trailers are read and dropped.
 */
final class ChunkedInput extends InputStream {
    private final InputStream in;
    private long chunkLeft;
    private boolean done;

    ChunkedInput(InputStream in) {
        this.in = in;
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
        if (!nextChunk()) return -1;
        int n = in.read(buffer, offset, (int) Math.min(length, chunkLeft));
        if (n < 0) throw new EOFException("the daemon closed the connection in the middle of a chunk");
        chunkLeft -= n;
        if (chunkLeft == 0) ResponseHead.line(in); // the CRLF after the chunk's data
        return n;
    }

    /** Positions at data, reading a chunk-size line when the last chunk is used up; false at the end. */
    private boolean nextChunk() throws IOException {
        if (done) return false;
        if (chunkLeft > 0) return true;
        String sizeLine = ResponseHead.line(in);
        String size = sizeLine.split(";", 2)[0].trim();
        if (size.isEmpty()) {
            done = true; // the connection ended without the last chunk: what came is all there is
            return false;
        }
        try {
            chunkLeft = Long.parseLong(size, 16);
        } catch (NumberFormatException e) {
            throw new IOException("bad chunk size from daemon: " + sizeLine);
        }
        if (chunkLeft == 0) {
            while (!ResponseHead.line(in).isEmpty()) {
                // trailers
            }
            done = true;
            return false;
        }
        return true;
    }

    @Override
    public int available() throws IOException {
        return done ? 0 : (int) Math.min(in.available(), chunkLeft);
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
