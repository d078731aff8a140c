package dev.purser.engine.cgroup;

import dev.purser.engine.runtime.Linux;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A container's group on cgroup v2: one directory with every controller's files. */
final class V2Cgroup implements Cgroup {
    private final String containerId;
    private final Path dir;
    private final Linux linux;

    V2Cgroup(String containerId, Path dir, Linux linux) {
        this.containerId = containerId;
        this.dir = dir;
        this.linux = linux;
    }

    Path dir() {
        return dir;
    }

    @Override
    public String containerId() {
        return containerId;
    }

    @Override
    public List<Path> procsFiles() {
        return List.of(dir.resolve("cgroup.procs"));
    }

    @Override
    public Map<String, Path> containerView() {
        return Map.of("", dir);
    }

    @Override
    public void restrictDevices(DevicePolicy policy) {
        if (!policy.allowAll()) {
            linux.attachDeviceProgram(dir.toString(), DeviceProgram.compile(policy));
        }
    }

    @Override
    public List<String> apply(Resources r) {
        List<String> warnings = new ArrayList<>();
        if (r.memory() > 0) {
            requireController("memory", "--memory");
            ControlFiles.write(dir.resolve("memory.max"), Long.toString(r.memory()));
            long swap = r.effectiveMemorySwap();
            Path swapMax = dir.resolve("memory.swap.max");
            if (Files.exists(swapMax)) {
                // v2 limits swap alone, Docker's value is memory plus swap.
                ControlFiles.write(swapMax, swap > 0 ? Long.toString(Math.max(0, swap - r.memory())) : "max");
            } else if (swap != -1) {
                warnings.add(V1Cgroup.SWAP_WARNING);
            }
        }
        if (r.cpuShares() > 0) {
            requireController("cpu", "--cpu-shares");
            ControlFiles.write(dir.resolve("cpu.weight"), Long.toString(Resources.sharesToWeight(r.cpuShares())));
        }
        if (r.nanoCpus() > 0) {
            requireController("cpu", "--cpus");
            ControlFiles.write(dir.resolve("cpu.max"), r.cfsQuotaUs() + " " + Resources.CFS_PERIOD_US);
        }
        if (r.pidsLimit() > 0) {
            requireController("pids", "--pids-limit");
        }
        if (r.pidsLimit() != 0 && Files.exists(dir.resolve("pids.max"))) {
            ControlFiles.write(dir.resolve("pids.max"), r.pidsLimit() > 0 ? Long.toString(r.pidsLimit()) : "max");
        }
        return warnings;
    }

    /** A limit the group's parent does not delegate the controller for cannot be applied: refused, not dropped. */
    private void requireController(String controller, String flag) {
        List<String> enabled = List.of(ControlFiles.read(dir.resolve("cgroup.controllers")).split("\\s+"));
        if (!enabled.contains(controller)) {
            throw new IllegalStateException("cgroup v2 controller " + controller + " is not available in " + dir
                    + ": " + flag + " cannot be applied");
        }
    }

    /** cpu.stat is always there; the memory and pids files only with their controllers (0 without). */
    @Override
    public CgroupStats stats() {
        return new CgroupStats(
                optionalLong("memory.current"),
                optionalLong("memory.max"),
                ControlFiles.readKeyed(dir.resolve("cpu.stat"), "usage_usec") * 1000,
                List.of(),
                optionalLong("pids.current"),
                Files.exists(dir.resolve("memory.events")) ? ControlFiles.readKeyed(dir.resolve("memory.events"), "oom_kill") : 0);
    }

    private long optionalLong(String file) {
        Path f = dir.resolve(file);
        return Files.exists(f) ? ControlFiles.readLong(f) : 0;
    }

    @Override
    public void freeze() {
        ControlFiles.write(dir.resolve("cgroup.freeze"), "1");
        GroupRemoval.await("cgroup.events frozen 1 in " + dir, this::frozen, () -> {});
    }

    @Override
    public void thaw() {
        ControlFiles.write(dir.resolve("cgroup.freeze"), "0");
        GroupRemoval.await("cgroup.events frozen 0 in " + dir, () -> !frozen(), () -> {});
    }

    @Override
    public boolean frozen() {
        return ControlFiles.readKeyed(dir.resolve("cgroup.events"), "frozen") == 1;
    }

    @Override
    public boolean populated() {
        return ControlFiles.readKeyed(dir.resolve("cgroup.events"), "populated") == 1;
    }

    @Override
    public List<Long> pids() {
        return ControlFiles.readNumbers(dir.resolve("cgroup.procs"));
    }

    @Override
    public void destroy(boolean killRemaining) {
        if (!Files.isDirectory(dir)) {
            return;
        }
        Path kill = dir.resolve("cgroup.kill");
        if (killRemaining && Files.exists(kill)) {
            // Linux 5.14+: the kernel kills every task, including frozen ones, in one write.
            ControlFiles.write(kill, "1");
        } else if (killRemaining && frozen()) {
            thaw();
        }
        GroupRemoval.remove(List.of(dir), killRemaining,
                () -> Files.isDirectory(dir) ? pids() : List.of());
    }
}
