package dev.purser.engine.log;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.List;

/**
 * Finds where the last N records start by reading files backwards in blocks, newest file first,
 * so {@code docker logs --tail 10} on a multi-gigabyte log touches only its end. Every record
 * ends with a newline and JSON escaping keeps newlines out of records, so records are counted
 * by counting newlines; an incomplete record being written at the very end is not counted.
 */
final class TailLocator {
    static final int BLOCK = 8192;

    /** A position: file index in the oldest-first list, and byte offset within it. */
    record Position(int file, long offset) {}

    private TailLocator() {}

    static Position locate(List<FileChannel> oldestFirst, int records) throws IOException {
        if (records < 0) {
            return new Position(0, 0);
        }
        int remaining = records;
        ByteBuffer buf = ByteBuffer.allocate(BLOCK);
        for (int f = oldestFirst.size() - 1; f >= 0; f--) {
            FileChannel ch = oldestFirst.get(f);
            long end = ch.size();
            boolean sawRecordEnd = false;
            if (remaining == 0) {
                return new Position(f, end);
            }
            while (end > 0) {
                long start = Math.max(0, end - BLOCK);
                buf.clear().limit((int) (end - start));
                while (buf.hasRemaining() && ch.read(buf, start + buf.position()) >= 0) {
                    // keep filling: positional reads may return short counts
                }
                for (int i = (int) (end - start) - 1; i >= 0; i--) {
                    if (buf.get(i) != '\n') {
                        continue;
                    }
                    if (!sawRecordEnd) {
                        sawRecordEnd = true; // the end of the newest complete record in this file
                        continue;
                    }
                    if (--remaining == 0) {
                        return new Position(f, start + i + 1);
                    }
                }
                end = start;
            }
            if (sawRecordEnd && --remaining == 0) {
                return new Position(f, 0);
            }
        }
        return new Position(0, 0);
    }
}
