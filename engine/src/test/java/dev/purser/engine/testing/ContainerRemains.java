package dev.purser.engine.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * What is left on the host of a container, by its id: its directory under the state root, its
 * mounts, its cgroup directories, its processes. A removed container leaves none of them.
 */
public final class ContainerRemains {
    private static final Path CGROUPS = Path.of("/sys/fs/cgroup");

    private ContainerRemains() {}

    /** Everything of container {@code id} still on the host, one line each; empty when nothing is. */
    public static List<String> of(Path stateRoot, String id) {
        List<String> out = new ArrayList<>();
        Path dir = stateRoot.resolve("containers").resolve(id);
        if (Files.exists(dir)) {
            out.add("directory " + dir);
        }
        mountsOf(id).forEach(m -> out.add("mount " + m));
        cgroupsOf(id).forEach(g -> out.add("cgroup " + g));
        HostProcesses.mentioning(id).forEach(p -> out.add("process " + p));
        return out;
    }

    /**
     * What is still left of the container once it had up to 10 s to go (a killed stage takes a
     * moment to exit); empty as soon as nothing is.
     */
    public static List<String> after10s(Path stateRoot, String id) {
        long deadline = System.nanoTime() + 10_000_000_000L;
        List<String> left = of(stateRoot, id);
        while (!left.isEmpty() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return left;
            }
            left = of(stateRoot, id);
        }
        return left;
    }

    /** Mount points whose path names the container. */
    public static List<String> mountsOf(String id) {
        try {
            return Files.readAllLines(Path.of("/proc/self/mountinfo")).stream()
                    .map(l -> l.split(" ")[4]).filter(p -> p.contains(id)).toList();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Cgroup directories named for the container, on v1 or v2. */
    public static List<Path> cgroupsOf(String id) {
        try (Stream<Path> dirs = Files.find(CGROUPS, 4, (p, a) -> a.isDirectory() && p.getFileName().toString().equals(id))) {
            return dirs.toList();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
