package dev.purser.engine.container;

import static dev.purser.engine.testing.TestEngine.config;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.purser.engine.cgroup.CgroupVersion;
import dev.purser.engine.testing.HostLoopDevice;
import dev.purser.engine.testing.TestEngine;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Containers on the engine's cgroup v2 code, on this host's real unified hierarchy (selected as
 * {@code purser daemon --cgroup-version 2} does): joined before exec, paused, confined to Docker's
 * devices by the eBPF program, shown their group at /sys/fs/cgroup, and their group removed at exit.
 */
class UnifiedCgroupContainerIT {
    static TestEngine engine;
    static Path unified;

    @BeforeAll
    static void start() throws Exception {
        engine = TestEngine.onCgroup(CgroupVersion.V2);
        unified = Files.readAllLines(Path.of("/proc/self/mountinfo")).stream()
                .filter(l -> l.contains(" - cgroup2 ")).map(l -> Path.of(l.split(" ")[4])).findFirst().orElseThrow();
    }

    @AfterAll
    static void stop() {
        engine.close();
    }

    private static HostConfig memory(long bytes) {
        return new HostConfig(null, null, null, false, false, null, bytes, 0, 0, 0, null, null, false, null, null);
    }

    @Test
    void processIsInItsV2GroupFromItsFirstInstruction() {
        Container c = engine.create(config("grep", "^0::", "/proc/self/cgroup"), null);
        engine.runToExit(c);
        assertThat(engine.logs(c)).isEqualTo("0::/purser-it/" + c.id() + "\n");
    }

    @Test
    void groupIsRemovedWhenTheContainerExits() {
        Container c = engine.create(config("true"), null);
        assertThat(engine.runToExit(c)).isZero();
        assertThat(unified.resolve("purser-it").resolve(c.id())).doesNotExist();
    }

    @Test
    void pauseFreezesTheGroupAndUnpauseThawsIt() throws Exception {
        Container c = engine.start("sleep", "1000");
        Path events = unified.resolve("purser-it").resolve(c.id()).resolve("cgroup.events");
        engine.engine().containers().pause(c.id());
        assertThat(Files.readAllLines(events)).contains("frozen 1");
        engine.engine().containers().unpause(c.id());
        assertThat(Files.readAllLines(events)).contains("frozen 0");
        engine.engine().containers().kill(c.id(), "KILL");
        assertThat(engine.awaitExit(c)).isEqualTo(137);
    }

    @Test
    void mknodOfAHostBlockDeviceCannotBeRead() {
        try (HostLoopDevice loop = HostLoopDevice.attach()) {
            Container c = engine.create(config("sh", "-c",
                    "mknod /tmp/blk b " + loop.major() + " " + loop.minor() + " && head -c 16 /tmp/blk"), null);
            assertThat(engine.runToExit(c)).isEqualTo(1);
            assertThat(engine.logs(c, "stderr")).contains("/tmp/blk: Operation not permitted");
        }
    }

    @Test
    void containerSeesItsOwnGroupAtSysFsCgroupReadOnly() {
        Container c = engine.create(config("sh", "-c",
                "grep populated /sys/fs/cgroup/cgroup.events; echo 1 > /sys/fs/cgroup/cgroup.freeze"), null);
        assertThat(engine.runToExit(c)).isEqualTo(1);
        assertThat(engine.logs(c, "stdout")).isEqualTo("populated 1\n");
        assertThat(engine.logs(c, "stderr")).contains("Read-only file system");
    }

    @Test
    void memoryLimitIsRefusedWithoutTheMemoryController() {
        Container c = engine.create(config("true"), memory(64L << 20));
        assertThatThrownBy(() -> engine.engine().containers().start(c.id()))
                .hasMessageContaining("cgroup v2 controller memory is not available")
                .hasMessageContaining("--memory cannot be applied");
    }
}
