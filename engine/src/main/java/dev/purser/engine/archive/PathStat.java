package dev.purser.engine.archive;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.util.Base64;

/**
 * Docker's {@code ContainerPathStat}: what {@code X-Docker-Container-Path-Stat} carries, base64
 * of the JSON. {@code mode} is Go's {@code os.FileMode} (see {@link GoFileMode}), {@code mtime}
 * Go's time in RFC 3339 with nanoseconds, {@code linkTarget} the absolute path inside the
 * container that a symbolic link resolves to (empty for anything else).
 */
@JsonPropertyOrder({"name", "size", "mode", "mtime", "linkTarget"})
@JsonIgnoreProperties(ignoreUnknown = true)
public record PathStat(
        @JsonProperty("name") String name,
        @JsonProperty("size") long size,
        @JsonProperty("mode") long mode,
        @JsonProperty("mtime") String mtime,
        @JsonProperty("linkTarget") String linkTarget) {
    public static final String HEADER = "X-Docker-Container-Path-Stat";

    /** Go's RFC3339Nano: fraction without trailing zeros, none at all for whole seconds. */
    private static final DateTimeFormatter GO_RFC3339_NANO = new DateTimeFormatterBuilder()
            .appendPattern("yyyy-MM-dd'T'HH:mm:ss")
            .appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true)
            .appendOffset("+HH:MM", "Z")
            .toFormatter();

    static String goTime(Instant t) {
        return GO_RFC3339_NANO.format(t.atOffset(ZoneOffset.UTC));
    }

    @JsonIgnore
    public boolean isDirectory() {
        return (mode & GoFileMode.DIR) != 0;
    }

    @JsonIgnore
    public boolean isSymlink() {
        return (mode & GoFileMode.SYMLINK) != 0;
    }

    /** The header's value. */
    public String header() {
        try {
            return Base64.getEncoder().encodeToString(new ObjectMapper().writeValueAsBytes(this));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Reads a header's value (the CLI side of {@code cp}). */
    public static PathStat fromHeader(String value) {
        try {
            return new ObjectMapper().readValue(Base64.getDecoder().decode(value), PathStat.class);
        } catch (java.io.IOException | IllegalArgumentException e) {
            throw new IllegalArgumentException("invalid " + HEADER + " header: " + e.getMessage(), e);
        }
    }
}
