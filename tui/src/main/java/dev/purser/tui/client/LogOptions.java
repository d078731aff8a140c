package dev.purser.tui.client;

/**
 * What {@code docker logs} asks for: follow, timestamps, tail ("all" or a count) and the time
 * window; since/until are passed as given (RFC 3339, Unix seconds or already converted).
 */
public record LogOptions(boolean follow, boolean timestamps, String tail, String since, String until) {
    public static LogOptions all() {
        return new LogOptions(false, false, "all", null, null);
    }
}
