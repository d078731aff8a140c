package dev.purser.engine.container;

import dev.purser.engine.store.AtomicFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Which process a pid meant when it was recorded: the pid, its start time (field 22 of
 * /proc/PID/stat, clock ticks since boot) and the boot it happened in. A pid alone names
 * whatever process holds it now; after a reboot or a pid wrap that is an unrelated one, which
 * must never be signalled on a container's behalf.
 */
record ProcessIdentity(int pid, long startTicks, String bootId) {
    static final Path BOOT_ID = Path.of("/proc/sys/kernel/random/boot_id");

    /** The identity of the live process {@code pid}; empty when there is none. */
    static Optional<ProcessIdentity> of(int pid) {
        return startTicks(pid).map(ticks -> new ProcessIdentity(pid, ticks, currentBoot()));
    }

    /** Whether the process this identity names is still alive (same pid, start time and boot). */
    boolean isAlive() {
        return pid > 0 && bootId.equals(currentBoot()) && startTicks(pid).filter(t -> t == startTicks).isPresent();
    }

    /** The text form kept in a container's directory: {@code PID STARTTICKS BOOTID}. */
    String text() {
        return pid + " " + startTicks + " " + bootId + "\n";
    }

    static ProcessIdentity parse(String text) {
        String[] parts = text.trim().split(" ");
        if (parts.length != 3) {
            throw new IllegalArgumentException("not a process identity: " + text.trim());
        }
        return new ProcessIdentity(Integer.parseInt(parts[0]), Long.parseLong(parts[1]), parts[2]);
    }

    void writeTo(Path file) {
        AtomicFile.write(file, text().getBytes(StandardCharsets.UTF_8));
    }

    /** The identity recorded in {@code file}; empty when there is none or it cannot be read. */
    static Optional<ProcessIdentity> readFrom(Path file) {
        try {
            return Optional.of(parse(Files.readString(file, StandardCharsets.UTF_8)));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Field 22 of /proc/PID/stat; the command name (field 2) may hold spaces and parentheses. */
    static Optional<Long> startTicks(int pid) {
        try {
            return Optional.of(parseStartTicks(Files.readString(Path.of("/proc/" + pid + "/stat"))));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    static long parseStartTicks(String stat) {
        String[] afterName = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(afterName[19]);
    }

    private static String currentBoot() {
        try {
            return Files.readString(BOOT_ID).trim();
        } catch (IOException e) {
            return "unknown";
        }
    }
}
