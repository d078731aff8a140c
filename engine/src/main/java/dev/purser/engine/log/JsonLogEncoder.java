package dev.purser.engine.log;

import java.io.ByteArrayOutputStream;

/**
 * Serialises a record into one line of a json-file log, byte-for-byte as dockerd does:
 * {@code {"log":"...","stream":"stdout","time":"..."}} followed by a newline. Field order and the
 * omission of an empty {@code log} follow moby's hand-written marshaller, not Jackson's.
 */
final class JsonLogEncoder {
    private JsonLogEncoder() {}

    static byte[] encode(LogRecord record) {
        byte[] line = record.line();
        ByteArrayOutputStream out = new ByteArrayOutputStream(line.length + 80);
        out.writeBytes("{".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        if (line.length != 0) {
            out.writeBytes("\"log\":".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            GoJsonString.write(out, line);
            out.write(',');
        }
        out.writeBytes(("\"stream\":\"" + record.stream().wireName() + "\",\"time\":\"" + Rfc3339.nano(record.time()) + "\"}\n")
                .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        return out.toByteArray();
    }
}
