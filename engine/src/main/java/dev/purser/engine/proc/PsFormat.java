package dev.purser.engine.proc;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** procps' formatting of the STIME, TTY and TIME columns. */
final class PsFormat {
    private static final DateTimeFormatter TODAY = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT);
    private static final DateTimeFormatter THIS_YEAR = DateTimeFormatter.ofPattern("MMMdd", Locale.ENGLISH);
    private static final DateTimeFormatter OLDER = DateTimeFormatter.ofPattern("yyyy", Locale.ROOT);

    private PsFormat() {}

    /** HH:MM if started the same calendar day as now, MonDD the same year, else the year. */
    static String stime(Instant started, Instant now, ZoneId zone) {
        ZonedDateTime s = started.atZone(zone);
        ZonedDateTime n = now.atZone(zone);
        if (s.getYear() != n.getYear()) {
            return OLDER.format(s);
        }
        return s.getDayOfYear() == n.getDayOfYear() ? TODAY.format(s) : THIS_YEAR.format(s);
    }

    /** Cumulative CPU time as [DD-]HH:MM:SS. */
    static String cpuTime(long seconds) {
        long days = seconds / 86400;
        String hms = String.format("%02d:%02d:%02d", (seconds / 3600) % 24, (seconds / 60) % 60, seconds % 60);
        return days > 0 ? String.format("%d-%s", days, hms) : hms;
    }

    /** The controlling terminal from stat's tty_nr; "?" for none. */
    static String tty(int ttyNr) {
        if (ttyNr == 0) {
            return "?";
        }
        int major = (ttyNr >> 8) & 0xfff;
        int minor = (ttyNr & 0xff) | ((ttyNr >> 12) & 0xfff00);
        if (major >= 136 && major <= 143) {
            return "pts/" + ((major - 136) * 256 + minor);
        }
        if (major == 4) {
            return minor < 64 ? "tty" + minor : "ttyS" + (minor - 64);
        }
        if (major == 5 && minor == 1) {
            return "console";
        }
        return "?";
    }
}
