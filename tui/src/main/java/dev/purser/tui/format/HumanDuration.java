package dev.purser.tui.format;

import java.time.Duration;

/**
 * Durations the way Docker prints them (go-units {@code HumanDuration}): "Less than a second",
 * "5 seconds", "About a minute", "3 hours", "2 weeks". {@code ps} adds " ago" for CREATED.
 */
public final class HumanDuration {
    private HumanDuration() {}

    public static String of(Duration d) {
        long seconds = d.getSeconds();
        if (seconds < 1) return "Less than a second";
        if (seconds == 1) return "1 second";
        if (seconds < 60) return seconds + " seconds";
        long minutes = d.toMinutes();
        if (minutes == 1) return "About a minute";
        if (minutes < 60) return minutes + " minutes";
        // go-units rounds hours to the nearest one from here on.
        long hours = (long) (d.toMillis() / 3_600_000.0 + 0.5);
        if (hours == 1) return "About an hour";
        if (hours < 48) return hours + " hours";
        if (hours < 24 * 7 * 2) return hours / 24 + " days";
        if (hours < 24 * 30 * 2) return hours / 24 / 7 + " weeks";
        if (hours < 24 * 365 * 2) return hours / 24 / 30 + " months";
        return d.toHours() / 24 / 365 + " years";
    }

    /** "2 minutes ago", as in the CREATED column. */
    public static String ago(Duration d) {
        return of(d) + " ago";
    }
}
