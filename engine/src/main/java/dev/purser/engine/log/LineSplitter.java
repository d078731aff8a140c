package dev.purser.engine.log;

import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Cuts one stream's bytes into records the way Docker's log copier does: at each newline (kept in
 * the record), or, when 16 KiB accumulate without one, as a partial record without a newline. All
 * pieces of a line cut this way carry the time of its first piece, as in Docker.
 */
final class LineSplitter {
    /** The copier's buffer size for drivers that set no limit of their own (json-file sets none). */
    static final int BUFFER_LIMIT = 16 * 1024;

    private final LogStream stream;
    private final ByteArrayOutputStream pending = new ByteArrayOutputStream();
    private Instant partialTime;

    LineSplitter(LogStream stream) {
        this.stream = stream;
    }

    List<LogRecord> accept(byte[] data, Instant time) {
        List<LogRecord> out = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < data.length; i++) {
            if (data[i] == '\n') {
                pending.write(data, start, i + 1 - start);
                start = i + 1;
                out.add(new LogRecord(partialTime != null ? partialTime : time, stream, pending.toByteArray()));
                pending.reset();
                partialTime = null;
            } else if (pending.size() + (i + 1 - start) == BUFFER_LIMIT) {
                pending.write(data, start, i + 1 - start);
                start = i + 1;
                emitPartial(out, time);
            }
        }
        pending.write(data, start, data.length - start);
        return out;
    }

    /** The stream ended: what is left is logged as-is, without a newline. */
    List<LogRecord> flush(Instant time) {
        List<LogRecord> out = new ArrayList<>();
        if (pending.size() > 0) {
            emitPartial(out, time);
        }
        partialTime = null;
        return out;
    }

    private void emitPartial(List<LogRecord> out, Instant time) {
        if (partialTime == null) {
            partialTime = time;
        }
        out.add(new LogRecord(partialTime, stream, pending.toByteArray()));
        pending.reset();
    }
}
