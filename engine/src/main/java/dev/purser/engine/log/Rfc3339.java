package dev.purser.engine.log;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * Go's two RFC 3339 layouts for UTC instants. Docker stores record times with
 * {@code time.RFC3339Nano}, which drops trailing zeros of the fraction (and the dot when the
 * fraction is zero); {@code docker logs --timestamps} prints the fixed nine-digit variant.
 */
public final class Rfc3339 {
    private Rfc3339() {}

    /** {@code 2026-11-29T03:04:05.12Z}: Go's RFC3339Nano, as stored in json-file records. */
    public static String nano(Instant t) {
        StringBuilder sb = dateTime(t);
        int nanos = t.getNano();
        if (nanos != 0) {
            String digits = String.format("%09d", nanos);
            int end = digits.length();
            while (digits.charAt(end - 1) == '0') {
                end--;
            }
            sb.append('.').append(digits, 0, end);
        }
        return sb.append('Z').toString();
    }

    /** {@code 2026-11-29T03:04:05.120000000Z}: the padded layout the log stream uses. */
    public static String nanoFixed(Instant t) {
        return dateTime(t).append('.').append(String.format("%09d", t.getNano())).append('Z').toString();
    }

    private static StringBuilder dateTime(Instant t) {
        LocalDateTime d = LocalDateTime.ofInstant(t, ZoneOffset.UTC);
        if (d.getYear() < 0 || d.getYear() >= 10000) {
            // Go refuses these too: RFC 3339 years have exactly four digits.
            throw new IllegalArgumentException("year outside of range [0,9999]: " + t);
        }
        return new StringBuilder(35).append(String.format("%04d-%02d-%02dT%02d:%02d:%02d",
                d.getYear(), d.getMonthValue(), d.getDayOfMonth(), d.getHour(), d.getMinute(), d.getSecond()));
    }
}
