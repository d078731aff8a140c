package dev.purser.engine.cgroup;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/** A container's group on cgroup v1: one directory per hierarchy, keyed by controller. */
final class V1Cgroup implements Cgroup {
    static final String SWAP_WARNING =
            "Your kernel does not support swap limit capabilities or the cgroup is not mounted. Memory limited without swap.";

    private final String containerId;
    private final Map<String, Path> dirs;
    private final Map<String, Path> view;

    /** {@code dirs}: controller to group directory; {@code view}: hierarchy mount name to group directory. */
    V1Cgroup(String containerId, Map<String, Path> dirs, Map<String, Path> view) {
        this.containerId = containerId;
        this.dirs = Map.copyOf(dirs);
        this.view = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(view));
    }

    @Override
    public Map<String, Path> containerView() {
        return view;
    }

    Map<String, Path> dirs() {
        return dirs;
    }

    @Override
    public String containerId() {
        return containerId;
    }

    @Override
    public List<Path> procsFiles() {
        List<Path> out = new ArrayList<>();
        for (Path dir : new LinkedHashSet<>(orderedDirs())) {
            out.add(dir.resolve("cgroup.procs"));
        }
        return out;
    }

    private List<Path> orderedDirs() {
        List<Path> out = new ArrayList<>();
        for (String c : CgroupHierarchy.V1_CONTROLLERS) {
            if (dirs.containsKey(c) && !out.contains(dirs.get(c))) {
                out.add(dirs.get(c));
            }
        }
        return out;
    }

    private Path file(String controller, String name) {
        Path dir = dirs.get(controller);
        if (dir == null) {
            throw new IllegalStateException("cgroup v1 controller not mounted: " + controller);
        }
        return dir.resolve(name);
    }

    @Override
    public void restrictDevices(DevicePolicy policy) {
        Path dir = dirs.get("devices");
        if (dir == null) {
            throw new IllegalStateException("cgroup v1 devices controller is not mounted: containers cannot be confined to Docker's device list");
        }
        if (policy.allowAll()) {
            ControlFiles.write(dir.resolve("devices.allow"), "a");
            return;
        }
        ControlFiles.write(dir.resolve("devices.deny"), "a");
        // The kernel lists rules in the order written; runc writes them sorted, so does purser,
        // and devices.list reads as under Docker.
        List<DeviceRule> sorted = policy.allowed().stream()
                .sorted(java.util.Comparator.comparing(DeviceRule::type).thenComparingInt(DeviceRule::major)
                        .thenComparingInt(DeviceRule::minor))
                .toList();
        for (DeviceRule rule : sorted) {
            ControlFiles.write(dir.resolve("devices.allow"), rule.line());
        }
    }

    @Override
    public List<String> apply(Resources r) {
        List<String> warnings = new ArrayList<>();
        if (r.memory() > 0) {
            Path memsw = file("memory", "memory.memsw.limit_in_bytes");
            boolean swapAccounting = Files.exists(memsw);
            if (swapAccounting) {
                // memsw may never be below the memory limit: lift it first so either order is valid.
                ControlFiles.write(memsw, "-1");
            }
            ControlFiles.write(file("memory", "memory.limit_in_bytes"), Long.toString(r.memory()));
            long swap = r.effectiveMemorySwap();
            if (swapAccounting) {
                ControlFiles.write(memsw, Long.toString(swap > 0 ? swap : -1));
            } else if (swap != -1) {
                warnings.add(SWAP_WARNING);
            }
        }
        if (r.cpuShares() > 0) {
            ControlFiles.write(file("cpu", "cpu.shares"), Long.toString(r.cpuShares()));
        }
        if (r.nanoCpus() > 0) {
            ControlFiles.write(file("cpu", "cpu.cfs_period_us"), Long.toString(Resources.CFS_PERIOD_US));
            ControlFiles.write(file("cpu", "cpu.cfs_quota_us"), Long.toString(r.cfsQuotaUs()));
        }
        if (r.pidsLimit() != 0) {
            ControlFiles.write(file("pids", "pids.max"), r.pidsLimit() > 0 ? Long.toString(r.pidsLimit()) : "max");
        }
        return warnings;
    }

    @Override
    public CgroupStats stats() {
        List<Long> perCpu = dirs.containsKey("cpuacct")
                ? ControlFiles.readNumbers(file("cpuacct", "cpuacct.usage_percpu"))
                : List.of();
        return new CgroupStats(
                ControlFiles.readLong(file("memory", "memory.usage_in_bytes")),
                ControlFiles.readLong(file("memory", "memory.limit_in_bytes")),
                dirs.containsKey("cpuacct") ? ControlFiles.readLong(file("cpuacct", "cpuacct.usage")) : 0,
                perCpu,
                dirs.containsKey("pids") ? ControlFiles.readLong(file("pids", "pids.current")) : 0,
                // oom_kill appears in memory.oom_control from Linux 4.13
                ControlFiles.readKeyed(file("memory", "memory.oom_control"), "oom_kill"));
    }

    @Override
    public void freeze() {
        Path state = file("freezer", "freezer.state");
        ControlFiles.write(state, "FROZEN");
        // FREEZING means some task has not stopped yet; writing FROZEN again retries it, as runc does.
        GroupRemoval.await("freezer FROZEN in " + state, () -> ControlFiles.read(state).equals("FROZEN"),
                () -> ControlFiles.write(state, "FROZEN"));
    }

    @Override
    public void thaw() {
        Path state = file("freezer", "freezer.state");
        ControlFiles.write(state, "THAWED");
        GroupRemoval.await("freezer THAWED in " + state, () -> ControlFiles.read(state).equals("THAWED"),
                () -> ControlFiles.write(state, "THAWED"));
    }

    @Override
    public boolean frozen() {
        return !ControlFiles.read(file("freezer", "freezer.state")).equals("THAWED");
    }

    @Override
    public boolean populated() {
        return orderedDirs().stream().filter(Files::isDirectory)
                .anyMatch(d -> !ControlFiles.readNumbers(d.resolve("cgroup.procs")).isEmpty());
    }

    @Override
    public List<Long> pids() {
        Path dir = dirs.getOrDefault("pids", orderedDirs().get(0));
        return ControlFiles.readNumbers(dir.resolve("cgroup.procs"));
    }

    @Override
    public void destroy(boolean killRemaining) {
        List<Path> existing = orderedDirs().stream().filter(Files::isDirectory).toList();
        if (existing.isEmpty()) {
            return;
        }
        if (killRemaining && dirs.containsKey("freezer") && Files.isDirectory(dirs.get("freezer")) && frozen()) {
            thaw();
        }
        GroupRemoval.remove(existing, killRemaining, () -> existing.stream()
                .filter(Files::isDirectory)
                .flatMap(d -> ControlFiles.readNumbers(d.resolve("cgroup.procs")).stream())
                .distinct()
                .toList());
    }
}
