package dev.purser.engine.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The host's processes as /proc shows them, for tests that look for what a container left
 * behind: a process belongs to a container when its cgroup path or its command line (the
 * stage's arguments name the container's directory) contains the container's id.
 */
public final class HostProcesses {
    private HostProcesses() {}

    /** Pids of the live processes whose /proc/PID/cgroup or cmdline contains {@code text}. */
    public static List<Long> mentioning(String text) {
        List<Long> out = new ArrayList<>();
        try (Stream<Path> entries = Files.list(Path.of("/proc"))) {
            for (Path p : entries.toList()) {
                String name = p.getFileName().toString();
                if (!name.chars().allMatch(Character::isDigit)) {
                    continue;
                }
                if (read(p.resolve("cgroup")).contains(text) || read(p.resolve("cmdline")).contains(text)) {
                    out.add(Long.parseLong(name));
                }
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out;
    }

    private static String read(Path file) {
        try {
            return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return ""; // the process went meanwhile
        }
    }

    /** Kills what a test left behind, by pid. */
    public static void kill(List<Long> pids) {
        pids.forEach(pid -> ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly));
    }

    /** Whether {@code merged} (or anything below it) is a mount point in the host's mount namespace. */
    public static boolean mounted(String pathPart) {
        try {
            return Files.readString(Path.of("/proc/self/mountinfo")).contains(pathPart);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
