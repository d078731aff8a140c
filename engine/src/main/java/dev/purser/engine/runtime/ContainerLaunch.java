package dev.purser.engine.runtime;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A container's first process: its mounted root filesystem, hostname and domain name, its
 * network (its own namespace, the host's, or that of another container's process), mounts (binds and
 * tmpfs, in the order the stage mounts them: a mount before those inside it), Docker's masked
 * and read-only paths, whether the root is read-only, and its own cgroups to show at
 * /sys/fs/cgroup, around the {@link ProcessSpec} of the command itself.
 */
public record ContainerLaunch(
        Path rootfs,
        String hostname,
        String domainname,
        List<StageMount> mounts,
        List<String> maskedPaths,
        List<String> readonlyPaths,
        boolean readonlyRootfs,
        boolean hostNetwork,
        Integer joinNetworkOfPid,
        java.util.Map<String, Path> cgroupView,
        ProcessSpec process) {

    /** Docker's defaults for a container that is not privileged. */
    public static final List<String> DOCKER_MASKED_PATHS = List.of(
            "/proc/asound", "/proc/acpi", "/proc/interrupts", "/proc/kcore", "/proc/keys",
            "/proc/latency_stats", "/proc/timer_list", "/proc/timer_stats", "/proc/sched_debug",
            "/proc/scsi", "/sys/firmware", "/sys/devices/virtual/powercap");

    public static final List<String> DOCKER_READONLY_PATHS = List.of(
            "/proc/bus", "/proc/fs", "/proc/irq", "/proc/sys", "/proc/sysrq-trigger");

    public ContainerLaunch {
        mounts = List.copyOf(mounts);
        maskedPaths = List.copyOf(maskedPaths);
        readonlyPaths = List.copyOf(readonlyPaths);
        cgroupView = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(cgroupView));
    }

    /** A mount the stage makes inside the rootfs before pivot_root. */
    public sealed interface StageMount permits BindMount, TmpfsMount {
        /** The stage's option and its value. */
        List<String> arguments();
    }

    /**
     * A host path bound into the container.
     *
     * @param propagation {@code rprivate}, {@code private}, {@code rslave}, {@code slave}, or
     *                    empty for what it inherits (the host's mounts reach it: slave)
     */
    public record BindMount(Path source, String destination, boolean readOnly, String propagation) implements StageMount {
        public BindMount(Path source, String destination, boolean readOnly) {
            this(source, destination, readOnly, "");
        }

        @Override
        public List<String> arguments() {
            String options = (readOnly ? "ro" : "rw") + (propagation.isEmpty() ? "" : "," + propagation);
            return List.of("--bind", source + ":" + destination + ":" + options);
        }
    }

    /** A tmpfs; {@code options} are mount(8)'s (flags and tmpfs's own, comma-separated). */
    public record TmpfsMount(String destination, String options) implements StageMount {
        @Override
        public List<String> arguments() {
            return List.of("--tmpfs", destination + ":" + options);
        }
    }

    public List<String> arguments() {
        List<String> out = new ArrayList<>();
        out.add("run");
        out.add("--rootfs");
        out.add(rootfs.toString());
        out.add("--hostname");
        out.add(hostname);
        if (domainname != null && !domainname.isEmpty()) {
            out.add("--domainname");
            out.add(domainname);
        }
        if (hostNetwork) {
            out.add("--host-network");
        }
        if (joinNetworkOfPid != null) {
            out.add("--join-netns");
            out.add(joinNetworkOfPid.toString());
        }
        for (StageMount mount : mounts) {
            out.addAll(mount.arguments());
        }
        for (String path : maskedPaths) {
            out.add("--mask");
            out.add(path);
        }
        for (String path : readonlyPaths) {
            out.add("--readonly");
            out.add(path);
        }
        for (var e : cgroupView.entrySet()) {
            out.add("--cgroup-mount");
            out.add(e.getValue() + (e.getKey().isEmpty() ? "" : ":" + e.getKey()));
        }
        if (readonlyRootfs) {
            out.add("--readonly-rootfs");
        }
        out.addAll(process.options());
        out.addAll(process.command());
        return out;
    }

    /** The stage's arguments to run {@code process} inside the container whose init is {@code initPid}. */
    public static List<String> execArguments(int initPid, ProcessSpec process) {
        List<String> out = new ArrayList<>();
        out.add("exec");
        out.add("--pid");
        out.add(Integer.toString(initPid));
        out.addAll(process.options());
        out.addAll(process.command());
        return out;
    }
}
