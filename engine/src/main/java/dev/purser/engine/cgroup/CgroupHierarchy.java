package dev.purser.engine.cgroup;

import dev.purser.engine.runtime.Linux;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Where container cgroups are made: the host's cgroup mounts plus the name of purser's parent group. */
public interface CgroupHierarchy {
    /** The v1 controllers a container joins, as Docker's cgroupfs driver does. */
    List<String> V1_CONTROLLERS = List.of("memory", "cpu", "cpuacct", "pids", "freezer", "blkio", "devices", "cpuset");

    CgroupVersion version();

    /** Makes the container's group (and the parent if needed). */
    Cgroup create(String containerId);

    /** The container's existing group, e.g. after a daemon restart. */
    Cgroup open(String containerId);

    /** Removes the parent group if no container group is left in it (used by tests and uninstall). */
    void removeParentIfEmpty();

    /**
     * The hierarchy to use: {@code wanted} {@code null} detects it from /proc/self/mountinfo, {@link
     * CgroupVersion#V2} uses the host's cgroup2 mount even when it has no controllers (a hybrid host's
     * unified hierarchy: groups, freezing, cgroup.kill and device programs work there, limits are
     * refused), {@link CgroupVersion#V1} requires v1 controller mounts. {@code parent} is e.g. {@code purser}.
     */
    static CgroupHierarchy detect(String parent, CgroupVersion wanted, Linux linux) {
        List<CgroupMount> mounts;
        try {
            mounts = CgroupMount.parse(Files.readString(Path.of("/proc/self/mountinfo")));
        } catch (IOException e) {
            throw new UncheckedIOException("reading /proc/self/mountinfo: " + e.getMessage(), e);
        }
        if (wanted == CgroupVersion.V2) {
            return mounts.stream().filter(CgroupMount::isV2).findFirst()
                    .<CgroupHierarchy>map(m -> new V2Hierarchy(m.mountPoint(), parent, linux))
                    .orElseThrow(() -> new IllegalStateException("cgroup v2 requested, but no cgroup2 filesystem is mounted"));
        }
        CgroupHierarchy found = detect(mounts, parent, linux);
        if (wanted != null && found.version() != wanted) {
            throw new IllegalStateException("cgroup " + wanted + " requested, but the host offers " + found.version());
        }
        return found;
    }

    /**
     * v1 when any of our controllers is mounted as a v1 hierarchy: on a hybrid host the unified
     * mount (often /sys/fs/cgroup/unified) has no controllers and cannot limit anything. v2 when
     * the only usable mount is cgroup2 with controllers listed in its cgroup.controllers.
     */
    static CgroupHierarchy detect(List<CgroupMount> mounts, String parent, Linux linux) {
        Map<String, Path> v1 = new LinkedHashMap<>();
        for (CgroupMount m : mounts) {
            if (!m.isV2()) {
                for (String c : V1_CONTROLLERS) {
                    if (m.superOptions().contains(c)) {
                        v1.putIfAbsent(c, m.mountPoint());
                    }
                }
            }
        }
        if (!v1.isEmpty()) {
            return new V1Hierarchy(v1, parent);
        }
        for (CgroupMount m : mounts) {
            if (m.isV2()) {
                Path controllers = m.mountPoint().resolve("cgroup.controllers");
                if (Files.exists(controllers) && !ControlFiles.read(controllers).isEmpty()) {
                    return new V2Hierarchy(m.mountPoint(), parent, linux);
                }
            }
        }
        throw new IllegalStateException("no usable cgroup hierarchy: neither v1 controllers nor a cgroup2 mount with controllers");
    }
}
