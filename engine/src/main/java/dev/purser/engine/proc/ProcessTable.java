package dev.purser.engine.proc;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/** Builds {@code ps -ef} rows for given host pids from /proc. */
public final class ProcessTable {
    /**
     * USER_HZ: the unit of the tick counts in /proc/PID/stat. The kernel fixes it at 100 for
     * userspace on every architecture Linux containers run on, so no sysconf call is needed.
     */
    static final long TICKS_PER_SECOND = 100;

    private final Path proc;
    private final HostUsers users;
    private final Clock clock;

    /** The host's /proc and /etc/passwd. */
    public ProcessTable() {
        this(Path.of("/proc"), Path.of("/etc/passwd"), Clock.systemDefaultZone());
    }

    ProcessTable(Path proc, Path passwd, Clock clock) {
        this.proc = proc;
        this.users = new HostUsers(passwd);
        this.clock = clock;
    }

    /** Rows in the order of {@code pids}; processes that exited meanwhile are left out. */
    public List<PsRow> rows(List<Long> pids) {
        List<PsRow> out = new ArrayList<>();
        try {
            double uptime = Double.parseDouble(Files.readString(proc.resolve("uptime")).split(" ")[0]);
            long bootEpochSecond = bootTime();
            for (long pid : pids) {
                try {
                    out.add(row(pid, uptime, bootEpochSecond));
                } catch (NoSuchFileException gone) {
                    // exited between listing and reading
                }
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("reading " + proc + ": " + e.getMessage(), e);
        }
        return out;
    }

    private PsRow row(long pid, double uptime, long bootEpochSecond) throws IOException {
        Path dir = proc.resolve(Long.toString(pid));
        ProcStat st = ProcStat.parse(Files.readString(dir.resolve("stat")));
        long euid = effectiveUid(Files.readString(dir.resolve("status")));
        String cmd = commandLine(Files.readAllBytes(dir.resolve("cmdline")), st.comm());
        long totalTicks = st.utimeTicks() + st.stimeTicks();
        // procps' C: whole percent of CPU time (integer) over elapsed time (fractional seconds,
        // which matters for young processes), truncated and capped at 99
        double elapsed = uptime - (double) st.startTicks() / TICKS_PER_SECOND;
        int c = elapsed > 0 ? (int) Math.min(99, (long) ((totalTicks * 100 / TICKS_PER_SECOND) / elapsed)) : 0;
        Instant started = Instant.ofEpochSecond(bootEpochSecond + st.startTicks() / TICKS_PER_SECOND);
        ZoneId zone = clock.getZone();
        return new PsRow(users.display(euid), st.pid(), st.ppid(), c,
                PsFormat.stime(started, clock.instant(), zone), PsFormat.tty(st.ttyNr()),
                PsFormat.cpuTime(totalTicks / TICKS_PER_SECOND), cmd);
    }

    private long bootTime() throws IOException {
        for (String line : Files.readAllLines(proc.resolve("stat"))) {
            if (line.startsWith("btime ")) {
                return Long.parseLong(line.substring(6).trim());
            }
        }
        throw new IOException("no btime in " + proc.resolve("stat"));
    }

    /** ps -f shows the effective uid: the second number on status' Uid line. */
    static long effectiveUid(String status) {
        for (String line : status.split("\n")) {
            if (line.startsWith("Uid:")) {
                return Long.parseLong(line.substring(4).trim().split("\\s+")[1]);
            }
        }
        throw new IllegalArgumentException("no Uid line");
    }

    /** Arguments joined by spaces; kernel threads and zombies have none and show as [comm]. */
    static String commandLine(byte[] cmdline, String comm) {
        int end = cmdline.length;
        while (end > 0 && cmdline[end - 1] == 0) {
            end--;
        }
        if (end == 0) {
            return "[" + comm + "]";
        }
        byte[] copy = java.util.Arrays.copyOf(cmdline, end);
        for (int i = 0; i < copy.length; i++) {
            if (copy[i] == 0) {
                copy[i] = ' ';
            }
        }
        return new String(copy, StandardCharsets.UTF_8);
    }
}
