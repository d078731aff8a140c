package dev.purser.tui.dashboard.log;

/**
 * One line of a container's log.
 *
 * @param timestamp the daemon's RFC 3339 timestamp, as it sent it ("" when it sent none)
 * @param stderr whether the line came on the container's stderr
 * @param source the container it came from (the all-logs view tags lines with it), or ""
 */
public record LogLine(String timestamp, boolean stderr, String source, StyledText text) {
    /** Splits off the timestamp the daemon puts before each line with {@code timestamps=1}. */
    public static LogLine parse(String raw, boolean stderr, String source, boolean timestamped) {
        String ts = "";
        String body = raw;
        if (timestamped) {
            int space = raw.indexOf(' ');
            if (space > 0 && space < 40 && Character.isDigit(raw.charAt(0))) {
                ts = raw.substring(0, space);
                body = raw.substring(space + 1);
            }
        }
        return new LogLine(ts, stderr, source, StyledText.parse(body));
    }
}
