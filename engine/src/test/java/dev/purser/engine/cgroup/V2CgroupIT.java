package dev.purser.engine.cgroup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.purser.engine.runtime.Linux;
import dev.purser.engine.testing.HostLoopDevice;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The cgroup v2 code against the host's real unified hierarchy (needs root). On this hybrid host
 * it has no controllers, so what is tested here is everything v2 does without one: groups,
 * joining, freezing, cgroup.kill, cgroup.events and device programs. Limits are ResourcesTest's.
 */
class V2CgroupIT {
    private final String parent = "purser-test-" + UUID.randomUUID().toString().substring(0, 8);
    private CgroupHierarchy hierarchy;
    private V2Cgroup group;
    private Path parentDir;
    private Process process;
    private BufferedReader output;

    @BeforeEach
    void setUp() {
        hierarchy = CgroupHierarchy.detect(parent, CgroupVersion.V2, new Linux());
        group = (V2Cgroup) hierarchy.create(UUID.randomUUID().toString().replace("-", ""));
        parentDir = group.dir().getParent();
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
        assertThat(parentDir).doesNotExist();
    }

    /** A shell that runs each line it reads once it has been moved into the group. */
    private void startShellInGroup() throws IOException {
        process = new ProcessBuilder("sh", "-c", "while read line; do eval \"$line\"; done").redirectErrorStream(true).start();
        output = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        ControlFiles.write(group.procsFiles().get(0), Long.toString(process.pid()));
    }

    private String ask(String command) throws IOException {
        OutputStream in = process.getOutputStream();
        in.write((command + "\n").getBytes(StandardCharsets.UTF_8));
        in.flush();
        return output.readLine();
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 10_000;
        while (!condition.getAsBoolean()) {
            assertThat(System.currentTimeMillis()).as("waiting for " + what).isLessThan(deadline);
            Thread.sleep(10);
        }
    }

    @Test
    void groupIsMadeInTheUnifiedHierarchy() {
        assertThat(hierarchy.version()).isEqualTo(CgroupVersion.V2);
        assertThat(group.dir().resolve("cgroup.procs")).exists();
        assertThat(group.dir().getParent().getFileName().toString()).isEqualTo(parent);
        assertThat(group.populated()).isFalse();
    }

    @Test
    void joinedProcessIsInTheGroup() throws Exception {
        startShellInGroup();
        assertThat(group.pids()).containsExactly(process.pid());
        assertThat(ask("cat /proc/self/cgroup | grep '^0::'"))
                .isEqualTo("0::/" + parent + "/" + group.containerId());
        assertThat(group.populated()).isTrue();
    }

    @Test
    void freezeStopsTheGroupAndThawResumesIt() throws Exception {
        startShellInGroup();
        group.freeze();
        assertThat(group.frozen()).isTrue();
        assertThat(ControlFiles.readKeyed(group.dir().resolve("cgroup.events"), "frozen")).isEqualTo(1);
        group.thaw();
        assertThat(group.frozen()).isFalse();
        assertThat(ask("echo thawed")).isEqualTo("thawed");
    }

    @Test
    void eventsReportTheGroupEmptyWhenItsProcessExits() throws Exception {
        startShellInGroup();
        assertThat(ControlFiles.readKeyed(group.dir().resolve("cgroup.events"), "populated")).isEqualTo(1);
        process.getOutputStream().write("exit 3\n".getBytes(StandardCharsets.UTF_8));
        process.getOutputStream().flush();
        assertThat(process.waitFor(10, TimeUnit.SECONDS)).isTrue();
        await("cgroup.events populated 0", () -> !group.populated());
    }

    @Test
    void destroyKillsAFrozenGroupThroughCgroupKillAndRemovesIt() throws Exception {
        assertThat(group.dir().resolve("cgroup.kill")).exists();
        startShellInGroup();
        ask("sleep 1000 & echo started");
        assertThat(group.pids()).hasSize(2);
        group.freeze();
        group.destroy(true);
        assertThat(process.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isEqualTo(137);
        assertThat(group.dir()).doesNotExist();
        group = null;
    }

    @Test
    void deviceProgramRefusesAHostBlockDeviceAndAllowsDevNull() throws Exception {
        try (HostLoopDevice loop = HostLoopDevice.attach()) {
            group.restrictDevices(DevicePolicy.dockerDefault());
            startShellInGroup();
            assertThat(ask("head -c 16 " + loop.device() + " 2>&1")).isEqualTo(
                    "head: cannot open '" + loop.device() + "' for reading: Operation not permitted");
            assertThat(ask("echo x > /dev/null && echo null-ok")).isEqualTo("null-ok");
            // the same read from outside the group works: the refusal is the program's
            assertThat(new String(Files.readAllBytes(Path.of(loop.device())), 0, 16, StandardCharsets.US_ASCII))
                    .isEqualTo(HostLoopDevice.CONTENT.substring(0, 16));
        }
    }

    @Test
    void programTheVerifierRefusesFailsWithItsReason() {
        byte[] movR0WithoutExit = {(byte) 0xb7, 0, 0, 0, 1, 0, 0, 0};
        assertThatThrownBy(() -> new Linux().attachDeviceProgram(group.dir().toString(), movR0WithoutExit))
                .isInstanceOf(dev.purser.engine.runtime.LinuxException.class)
                .hasMessageStartingWith("bpf(BPF_PROG_LOAD) " + group.dir() + " (")
                .hasMessageContaining("EINVAL");
    }

    @Test
    void limitIsRefusedWithoutItsController() {
        assertThatThrownBy(() -> group.apply(new Resources(64L << 20, 0, 0, 0, 0)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("cgroup v2 controller memory is not available in " + group.dir() + ": --memory cannot be applied");
    }
}
