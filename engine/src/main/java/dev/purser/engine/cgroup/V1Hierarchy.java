package dev.purser.engine.cgroup;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/** cgroup v1: the container's group is {@code <controller mount>/<parent>/<id>} in every hierarchy. */
final class V1Hierarchy implements CgroupHierarchy {
    private final Map<String, Path> mounts;
    private final String parent;

    V1Hierarchy(Map<String, Path> controllerMounts, String parent) {
        this.mounts = Map.copyOf(controllerMounts);
        this.parent = parent;
    }

    @Override
    public CgroupVersion version() {
        return CgroupVersion.V1;
    }

    @Override
    public Cgroup create(String containerId) {
        V1Cgroup group = open(containerId);
        try {
            for (Path dir : new LinkedHashSet<>(group.dirs().values())) {
                Files.createDirectories(dir);
            }
            Path cpuset = group.dirs().get("cpuset");
            if (cpuset != null) {
                // A new cpuset group starts with no CPUs or memory nodes, and the kernel refuses
                // tasks until both are set; inherit them from above, top-down.
                inheritCpuset(cpuset.getParent());
                inheritCpuset(cpuset);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("creating cgroup for " + containerId + ": " + e.getMessage(), e);
        }
        return group;
    }

    @Override
    public V1Cgroup open(String containerId) {
        Map<String, Path> dirs = new LinkedHashMap<>();
        Map<String, Path> view = new java.util.TreeMap<>();
        for (String c : CgroupHierarchy.V1_CONTROLLERS) {
            Path mount = mounts.get(c);
            if (mount != null) {
                Path dir = mount.resolve(parent).resolve(containerId);
                dirs.put(c, dir);
                view.putIfAbsent(mount.getFileName().toString(), dir);
            }
        }
        return new V1Cgroup(containerId, dirs, view);
    }

    @Override
    public void removeParentIfEmpty() {
        Set<Path> parents = new LinkedHashSet<>();
        for (Path m : mounts.values()) {
            parents.add(m.resolve(parent));
        }
        for (Path p : parents) {
            try {
                Files.deleteIfExists(p);
            } catch (IOException e) {
                // still has container groups: keep it
            }
        }
    }

    private static void inheritCpuset(Path dir) {
        for (String file : new String[] {"cpuset.cpus", "cpuset.mems"}) {
            Path f = dir.resolve(file);
            if (ControlFiles.read(f).isEmpty()) {
                ControlFiles.write(f, ControlFiles.read(dir.getParent().resolve(file)));
            }
        }
    }
}
