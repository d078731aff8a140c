package dev.purser.engine.cgroup;

import dev.purser.engine.runtime.Linux;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/** cgroup v2: the container's group is {@code <unified root>/<parent>/<id>}. */
final class V2Hierarchy implements CgroupHierarchy {
    /** Controllers a container's limits and stats use; enabled for children on the way down. */
    static final List<String> CONTROLLERS = List.of("cpuset", "cpu", "io", "memory", "pids");

    private final Path root;
    private final String parent;
    private final Linux linux;

    V2Hierarchy(Path root, String parent, Linux linux) {
        this.root = root;
        this.parent = parent;
        this.linux = linux;
    }

    @Override
    public CgroupVersion version() {
        return CgroupVersion.V2;
    }

    @Override
    public Cgroup create(String containerId) {
        Path parentDir = root.resolve(parent);
        try {
            Files.createDirectories(parentDir);
            // v2 files such as memory.max exist in a child only if its parent delegates the controller.
            delegate(root);
            delegate(parentDir);
            Files.createDirectories(parentDir.resolve(containerId));
        } catch (IOException e) {
            throw new UncheckedIOException("creating cgroup for " + containerId + ": " + e.getMessage(), e);
        }
        return open(containerId);
    }

    @Override
    public Cgroup open(String containerId) {
        return new V2Cgroup(containerId, root.resolve(parent).resolve(containerId), linux);
    }

    @Override
    public void removeParentIfEmpty() {
        try {
            Files.deleteIfExists(root.resolve(parent));
        } catch (IOException e) {
            // still has container groups: keep it
        }
    }

    private static void delegate(Path dir) {
        Set<String> available = Set.of(ControlFiles.read(dir.resolve("cgroup.controllers")).split("\\s+"));
        Set<String> enabled = Set.of(ControlFiles.read(dir.resolve("cgroup.subtree_control")).split("\\s+"));
        for (String c : CONTROLLERS) {
            if (available.contains(c) && !enabled.contains(c)) {
                ControlFiles.write(dir.resolve("cgroup.subtree_control"), "+" + c);
            }
        }
    }
}
