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
        out.addAll(runtimeOf(id));
        return out;
    }

    /** What only a running container has: mounts, cgroup directories, processes. */
    public static List<String> runtimeOf(String id) {
        List<String> out = new ArrayList<>();
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
        return after10s(() -> of(stateRoot, id));
    }

    /** {@link #runtimeOf} once it had up to 10 s to go. */
    public static List<String> runtimeAfter10s(String id) {
        return after10s(() -> runtimeOf(id));
    }

    private static List<String> after10s(java.util.function.Supplier<List<String>> remains) {
        long deadline = System.nanoTime() + 10_000_000_000L;
        List<String> left = remains.get();
        while (!left.isEmpty() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return left;
            }
            left = remains.get();
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

    /**
     * The container's cgroup directories under the tests' parent group {@code purser-it}, on v1
     * (one per controller) or v2. Named paths, not a walk: other tests' groups come and go meanwhile.
     */
    public static List<Path> cgroupsOf(String id) {
        List<Path> out = new ArrayList<>();
        List<Path> roots = new ArrayList<>(List.of(CGROUPS));
        try (Stream<Path> controllers = Files.list(CGROUPS)) {
            roots.addAll(controllers.filter(Files::isDirectory).toList());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        for (Path root : roots) {
            Path group = root.resolve("purser-it").resolve(id);
            if (Files.isDirectory(group)) {
                out.add(group);
            }
        }
        return out;
    }
}
