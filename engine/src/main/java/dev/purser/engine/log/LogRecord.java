package dev.purser.engine.log;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;

/**
 * One json-file record: when it was logged, from which stream, and the bytes of the {@code log}
 * field, including the trailing newline for complete lines (a partial line has none).
 */
public record LogRecord(Instant time, LogStream stream, byte[] line) {
    public LogRecord {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(stream, "stream");
        line = line.clone();
    }

    @Override
    public byte[] line() {
        return line.clone();
    }

    /** The line as text; invalid UTF-8 was already replaced by U+FFFD when it was stored. */
    public String text() {
        return new String(line, StandardCharsets.UTF_8);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LogRecord r && time.equals(r.time) && stream == r.stream && Arrays.equals(line, r.line);
    }

    @Override
    public int hashCode() {
        return Objects.hash(time, stream, Arrays.hashCode(line));
    }

    @Override
    public String toString() {
        return "LogRecord[" + time + " " + stream.wireName() + " " + text().replace("\n", "\\n") + "]";
    }
}
