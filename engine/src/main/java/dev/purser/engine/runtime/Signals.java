package dev.purser.engine.runtime;

import java.util.Locale;
import java.util.Map;

/** Signal names and numbers as Docker accepts them: {@code SIGTERM}, {@code TERM}, {@code 15}. */
public final class Signals {
    public static final int SIGKILL = 9;
    public static final int SIGTERM = 15;

    private static final Map<String, Integer> NUMBERS = Map.ofEntries(
            Map.entry("HUP", 1), Map.entry("INT", 2), Map.entry("QUIT", 3), Map.entry("ILL", 4),
            Map.entry("TRAP", 5), Map.entry("ABRT", 6), Map.entry("IOT", 6), Map.entry("BUS", 7),
            Map.entry("FPE", 8), Map.entry("KILL", 9), Map.entry("USR1", 10), Map.entry("SEGV", 11),
            Map.entry("USR2", 12), Map.entry("PIPE", 13), Map.entry("ALRM", 14), Map.entry("TERM", 15),
            Map.entry("STKFLT", 16), Map.entry("CHLD", 17), Map.entry("CONT", 18), Map.entry("STOP", 19),
            Map.entry("TSTP", 20), Map.entry("TTIN", 21), Map.entry("TTOU", 22), Map.entry("URG", 23),
            Map.entry("XCPU", 24), Map.entry("XFSZ", 25), Map.entry("VTALRM", 26), Map.entry("PROF", 27),
            Map.entry("WINCH", 28), Map.entry("IO", 29), Map.entry("POLL", 29), Map.entry("PWR", 30),
            Map.entry("SYS", 31), Map.entry("RTMIN", 34), Map.entry("RTMAX", 64));

    private Signals() {}

    /** The signal's number; an unknown name or a number out of range is an IllegalArgumentException. */
    public static int parse(String signal) {
        String s = signal.trim().toUpperCase(Locale.ROOT);
        if (!s.isEmpty() && s.chars().allMatch(Character::isDigit)) {
            int n = Integer.parseInt(s);
            if (n < 1 || n > 64) {
                throw new IllegalArgumentException("Invalid signal: " + signal);
            }
            return n;
        }
        if (s.startsWith("SIG")) {
            s = s.substring(3);
        }
        int plus = s.indexOf('+');
        int minus = s.indexOf('-');
        if (s.startsWith("RTMIN") && plus > 0) {
            return 34 + Integer.parseInt(s.substring(plus + 1));
        }
        if (s.startsWith("RTMAX") && minus > 0) {
            return 64 - Integer.parseInt(s.substring(minus + 1));
        }
        Integer n = NUMBERS.get(s);
        if (n == null) {
            throw new IllegalArgumentException("Invalid signal: " + signal);
        }
        return n;
    }
}
