package dev.purser.engine.container;

import dev.purser.engine.log.JsonFileWriter;
import dev.purser.engine.log.LogStream;
import java.time.Instant;
import java.util.Arrays;

/** Writes a container's output to its json-file log, stamped with the time it was read. */
final class LogListener implements OutputListener {
    private final JsonFileWriter writer;

    LogListener(JsonFileWriter writer) {
        this.writer = writer;
    }

    JsonFileWriter writer() {
        return writer;
    }

    @Override
    public void output(StdStream stream, byte[] data, int length) {
        writer.append(stream == StdStream.STDERR ? LogStream.STDERR : LogStream.STDOUT,
                Arrays.copyOf(data, length), Instant.now());
    }

    /** The process ended: trailing partial lines are logged, and followers finish. */
    void close() {
        Instant now = Instant.now();
        writer.endOfStream(LogStream.STDOUT, now);
        writer.endOfStream(LogStream.STDERR, now);
        writer.close();
    }
}
