package dev.purser.engine.proc;

import java.util.List;

/** One {@code ps -ef} row, each column already formatted as procps prints it. */
public record PsRow(String uid, long pid, long ppid, int c, String stime, String tty, String time, String cmd) {
    /** Docker's default titles for {@code docker top} (no ps options). */
    public static final List<String> TITLES = List.of("UID", "PID", "PPID", "C", "STIME", "TTY", "TIME", "CMD");

    /** The row as the strings Docker's top API returns. */
    public List<String> columns() {
        return List.of(uid, Long.toString(pid), Long.toString(ppid), Integer.toString(c), stime, tty, time, cmd);
    }
}
