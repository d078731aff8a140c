package dev.purser.engine.cgroup;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Reading and writing cgroup control files. Writes are one {@code write(2)} into the existing file
 * (no temporary file and rename: cgroupfs does not allow creating files, and each write is a
 * command to the kernel, not data to keep).
 */
final class ControlFiles {
    private ControlFiles() {}

    static void write(Path file, String value) {
        try {
            Files.write(file, value.getBytes(StandardCharsets.US_ASCII), StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("writing " + value + " to " + file + ": " + e.getMessage(), e);
        }
    }

    static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.US_ASCII).strip();
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + file + ": " + e.getMessage(), e);
        }
    }

    /** A number, with cgroup v2's {@code max} read as {@link Long#MAX_VALUE}. */
    static long readLong(Path file) {
        String s = read(file);
        return s.equals("max") ? Long.MAX_VALUE : Long.parseLong(s);
    }

    /** The value of {@code key} in a flat keyed file such as memory.events; 0 when absent. */
    static long readKeyed(Path file, String key) {
        for (String line : read(file).split("\n")) {
            String[] kv = line.trim().split("\\s+");
            if (kv.length == 2 && kv[0].equals(key)) {
                return Long.parseLong(kv[1]);
            }
        }
        return 0;
    }

    /** Space- or newline-separated numbers, as in cgroup.procs and cpuacct.usage_percpu. */
    static List<Long> readNumbers(Path file) {
        List<Long> out = new ArrayList<>();
        for (String tok : read(file).split("\\s+")) {
            if (!tok.isEmpty()) {
                out.add(Long.parseLong(tok));
            }
        }
        return out;
    }
}
