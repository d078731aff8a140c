package dev.purser.engine.cgroup;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** One container's cgroup, on whichever cgroup version the host has. */
public interface Cgroup {
    String containerId();

    /**
     * The {@code cgroup.procs} files a new container process must have its pid written to, one per
     * hierarchy on v1 and a single file on v2.
     */
    List<Path> procsFiles();

    /**
     * Confines which device nodes the group's processes may open or create: on v1 through
     * devices.deny and devices.allow, on v2 by attaching an eBPF device program. Must be called
     * before any container process joins the group.
     */
    void restrictDevices(DevicePolicy policy);

    /**
     * What the container sees at /sys/fs/cgroup, as Docker shows it: each name under it (the v1
     * hierarchy's mount name, e.g. {@code memory}) with the host directory of the container's group
     * there; on v2 a single entry with the empty name, the group being /sys/fs/cgroup itself.
     */
    Map<String, Path> containerView();

    /** Writes the limits; returns Docker-style warnings for limits the host cannot enforce. */
    List<String> apply(Resources resources);

    CgroupStats stats();

    /** Freezes all processes and returns once the kernel reports the group frozen. */
    void freeze();

    /** Thaws the group and returns once the kernel reports it running again. */
    void thaw();

    boolean frozen();

    /** Whether any process is in the group (v2's cgroup.events {@code populated}). */
    boolean populated();

    /** Host pids of the processes in the group. */
    List<Long> pids();

    /**
     * Removes the group. With {@code killRemaining} the processes still in it are sent SIGKILL (a
     * frozen group is thawed first, or the signal would wait); removal is retried while the kernel
     * still counts tasks.
     *
     * @throws IllegalStateException if the group cannot be removed within a few seconds
     */
    void destroy(boolean killRemaining);
}
