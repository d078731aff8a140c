package dev.purser.engine.log;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;

/** Parses one json-file line back into a record; unknown fields (Docker's {@code attrs}) are skipped. */
final class JsonLogDecoder {
    private static final JsonFactory JSON = new JsonFactory();

    private JsonLogDecoder() {}

    /** @throws IllegalArgumentException when the bytes are not a json-file record */
    static LogRecord decode(byte[] buf, int off, int len) {
        byte[] line = new byte[0];
        String stream = null;
        String time = null;
        try (JsonParser p = JSON.createParser(buf, off, len)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new IllegalArgumentException("not a JSON object");
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                switch (field) {
                    case "log" -> line = p.getText().getBytes(StandardCharsets.UTF_8);
                    case "stream" -> stream = p.getText();
                    case "time" -> time = p.getText();
                    default -> {
                        if (value.isStructStart()) {
                            p.skipChildren();
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("malformed log record: " + e.getMessage(), e);
        }
        if (stream == null || time == null) {
            throw new IllegalArgumentException("log record without stream or time");
        }
        Instant when = OffsetDateTime.parse(time, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
        return new LogRecord(when, LogStream.fromWireName(stream), line);
    }
}
