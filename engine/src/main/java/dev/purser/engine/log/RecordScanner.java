package dev.purser.engine.log;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.Arrays;

/**
 * Reads newline-terminated records forward from a position in a file. A record whose newline has
 * not been written yet stays buffered, so a follower that hits the end mid-write picks it up whole
 * on the next call instead of seeing half a record.
 */
final class RecordScanner {
    private final FileChannel channel;
    private final byte[] buf = new byte[64 * 1024];
    private final ByteArrayOutputStream carry = new ByteArrayOutputStream();
    private final long limit;
    private long position;
    private int start;
    private int end;

    RecordScanner(FileChannel channel, long position) {
        this(channel, position, Long.MAX_VALUE);
    }

    /** A scanner that reads no further than {@code limit} bytes into the file. */
    RecordScanner(FileChannel channel, long position, long limit) {
        this.channel = channel;
        this.position = position;
        this.limit = limit;
    }

    FileChannel channel() {
        return channel;
    }

    /** The next complete record without its newline, or null if the file ends before one. */
    byte[] next() throws IOException {
        while (true) {
            for (int i = start; i < end; i++) {
                if (buf[i] == '\n') {
                    byte[] record;
                    if (carry.size() == 0) {
                        record = Arrays.copyOfRange(buf, start, i);
                    } else {
                        carry.write(buf, start, i - start);
                        record = carry.toByteArray();
                        carry.reset();
                    }
                    start = i + 1;
                    return record;
                }
            }
            carry.write(buf, start, end - start);
            start = 0;
            end = 0;
            int room = (int) Math.min(buf.length, limit - position);
            if (room <= 0) {
                return null;
            }
            int n = channel.read(ByteBuffer.wrap(buf, 0, room), position);
            if (n <= 0) {
                return null;
            }
            position += n;
            end = n;
        }
    }
}
