package dev.purser.tui.cli;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * docker's {@code timetypes.GetTimestamp}: a Go duration ("10m", "1h30m") counts back from now,
 * Unix seconds pass through, RFC 3339 times and dates (local time when no zone is given) become
 * "seconds.nanoseconds" as the API expects.
 */
final class Timestamps {
    private static final Pattern DURATION_PART = Pattern.compile("(\\d+(?:\\.\\d+)?)(ns|us|µs|ms|s|m|h)");

    private Timestamps() {}

    static String toApi(String value, Instant now) {
        if (value == null || value.isEmpty()) return null;
        Duration d = goDuration(value);
        if (d != null) return format(now.minus(d));
        if (value.matches("\\d+(\\.\\d+)?")) return value;
        try {
            return format(OffsetDateTime.parse(value).toInstant());
        } catch (DateTimeParseException e) {
            // not a full RFC 3339 time
        }
        try {
            return format(LocalDateTime.parse(value).atZone(ZoneId.systemDefault()).toInstant());
        } catch (DateTimeParseException e) {
            // not a local time
        }
        try {
            return format(LocalDate.parse(value).atStartOfDay(ZoneId.systemDefault()).toInstant());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("failed to parse value as time or duration: \"" + value + "\"");
        }
    }

    private static String format(Instant t) {
        return t.getEpochSecond() + "." + String.format("%09d", t.getNano());
    }

    /** A Go duration string, or null when {@code value} is not one. */
    static Duration goDuration(String value) {
        String v = value.startsWith("-") || value.startsWith("+") ? value.substring(1) : value;
        if (v.isEmpty() || v.matches("\\d+(\\.\\d+)?")) return null;
        Matcher m = DURATION_PART.matcher(v);
        int end = 0;
        double nanos = 0;
        while (m.find() && m.start() == end) {
            double n = Double.parseDouble(m.group(1));
            nanos += n * switch (m.group(2)) {
                case "ns" -> 1;
                case "us", "µs" -> 1e3;
                case "ms" -> 1e6;
                case "s" -> 1e9;
                case "m" -> 60e9;
                default -> 3600e9;
            };
            end = m.end();
        }
        if (end != v.length()) return null;
        Duration d = Duration.ofNanos((long) nanos);
        return value.startsWith("-") ? d.negated() : d;
    }
}
