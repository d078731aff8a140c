package dev.purser.engine.log;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Renders a record as {@code docker logs} prints it: the raw line, or with {@code --timestamps}
 * the time in the padded nine-digit RFC 3339 form and one space before it.
 */
public final class LogLineFormatter {
    private final boolean timestamps;

    public LogLineFormatter(boolean timestamps) {
        this.timestamps = timestamps;
    }

    public byte[] format(LogRecord record) {
        byte[] line = record.line();
        if (!timestamps) {
            return line;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(line.length + 32);
        out.writeBytes((Rfc3339.nanoFixed(record.time()) + " ").getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(line);
        return out.toByteArray();
    }
}
