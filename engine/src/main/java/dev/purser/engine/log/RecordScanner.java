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
    private long position;
    private int start;
    private int end;

    RecordScanner(FileChannel channel, long position) {
        this.channel = channel;
        this.position = position;
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
            int n = channel.read(ByteBuffer.wrap(buf), position);
            if (n <= 0) {
                return null;
            }
            position += n;
            end = n;
        }
    }
}
