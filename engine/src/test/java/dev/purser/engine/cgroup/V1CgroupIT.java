package dev.purser.engine.cgroup;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Real cgroups on the host (needs root); written for the v1/hybrid hosts CI and this machine have. */
class V1CgroupIT {
    private final String parent = "purser-test-" + UUID.randomUUID().toString().substring(0, 8);
    private CgroupHierarchy hierarchy;
    private Cgroup group;
    private Process process;

    @BeforeEach
    void setUp() {
        hierarchy = CgroupHierarchy.detect(parent, null, new dev.purser.engine.runtime.Linux());
    }

    @AfterEach
    void tearDown() {
        if (process != null) {
            process.destroyForcibly();
        }
        if (group != null) {
            group.destroy(true);
        }
        hierarchy.removeParentIfEmpty();
        for (Path p : ((V1Hierarchy) hierarchy).open("x").dirs().values()) {
            assertThat(p.getParent()).doesNotExist();
        }
    }

    private void join(long pid) {
        for (Path procs : group.procsFiles()) {
            ControlFiles.write(procs, Long.toString(pid));
        }
    }

    @Test
    void limitsStatsFreezeAndDestroy() throws Exception {
        assertThat(hierarchy.version()).isEqualTo(CgroupVersion.V1);
        group = hierarchy.create(UUID.randomUUID().toString().replace("-", ""));
        V1Cgroup v1 = (V1Cgroup) group;
        assertThat(group.procsFiles()).hasSize(8);

        assertThat(group.apply(new Resources(64L << 20, 0, 512, 1_500_000_000L, 100))).isEmpty();
        assertThat(ControlFiles.readLong(v1.dirs().get("memory").resolve("memory.limit_in_bytes"))).isEqualTo(64L << 20);
        assertThat(ControlFiles.readLong(v1.dirs().get("memory").resolve("memory.memsw.limit_in_bytes"))).isEqualTo(128L << 20);
        assertThat(ControlFiles.read(v1.dirs().get("cpu").resolve("cpu.shares"))).isEqualTo("512");
        assertThat(ControlFiles.read(v1.dirs().get("cpu").resolve("cpu.cfs_period_us"))).isEqualTo("100000");
        assertThat(ControlFiles.read(v1.dirs().get("cpu").resolve("cpu.cfs_quota_us"))).isEqualTo("150000");
        assertThat(ControlFiles.read(v1.dirs().get("pids").resolve("pids.max"))).isEqualTo("100");
        assertThat(ControlFiles.read(v1.dirs().get("cpuset").resolve("cpuset.cpus"))).isNotEmpty();

        // Charges stay where they were made on v1, so the process does its work after joining.
        process = new ProcessBuilder("sh", "-c", "read go; i=0; while [ $i -lt 20000 ]; do i=$((i+1)); done; exec sleep 30").start();
        join(process.pid());
        assertThat(group.pids()).containsExactly(process.pid());
        try (OutputStream in = process.getOutputStream()) {
            in.write("go\n".getBytes());
        }
        long deadline = System.currentTimeMillis() + 10_000;
        while (!ProcessHandle.of(process.pid()).flatMap(h -> h.info().command()).orElse("").endsWith("sleep")
                && System.currentTimeMillis() < deadline) {
            Thread.sleep(20);
        }
        CgroupStats stats = group.stats();
        assertThat(stats.pidsCurrent()).isEqualTo(1);
        assertThat(stats.memoryLimit()).isEqualTo(64L << 20);
        assertThat(stats.memoryUsage()).isPositive();
        assertThat(stats.cpuUsageNanos()).isPositive();
        assertThat(stats.perCpuUsageNanos()).hasSize(Runtime.getRuntime().availableProcessors());
        assertThat(stats.oomKills()).isZero();

        group.freeze();
        assertThat(group.frozen()).isTrue();
        assertThat(ControlFiles.read(v1.dirs().get("freezer").resolve("freezer.state"))).isEqualTo("FROZEN");
        group.thaw();
        assertThat(group.frozen()).isFalse();

        // destroy kills what is left, even from a frozen group
        group.freeze();
        group.destroy(true);
        assertThat(process.waitFor(5, TimeUnit.SECONDS)).isTrue();
        for (Path dir : v1.dirs().values()) {
            assertThat(dir).doesNotExist();
        }
        group = null;
    }

    @Test
    void memoryLimitOomKillsAndIsCounted() throws Exception {
        group = hierarchy.create(UUID.randomUUID().toString().replace("-", ""));
        group.apply(new Resources(20L << 20, 0, 0, 0, 0));
        // The shell waits for a line on stdin so it can be moved into the group before allocating.
        process = new ProcessBuilder("sh", "-c", "read go; exec python3 -c 'b = bytearray(100 * 1024 * 1024)'")
                .redirectErrorStream(true)
                .start();
        join(process.pid());
        try (OutputStream in = process.getOutputStream()) {
            in.write("go\n".getBytes());
        }
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isEqualTo(137); // SIGKILL from the OOM killer
        assertThat(group.stats().oomKills()).isPositive();
    }

    @Test
    void detectsTheVersionThatIsMountedAtSysFsCgroup() throws IOException {
        // v2 only when /sys/fs/cgroup is itself cgroup2; a tmpfs of v1 hierarchies (with or
        // without a controller-less cgroup2 at /sys/fs/cgroup/unified) is v1
        boolean unified = Files.readAllLines(Path.of("/proc/self/mountinfo")).stream()
                .map(line -> line.split(" "))
                .anyMatch(f -> f[4].equals("/sys/fs/cgroup") && f[f.length - 3].equals("cgroup2"));
        assertThat(hierarchy.version()).isEqualTo(unified ? CgroupVersion.V2 : CgroupVersion.V1);
    }
}
