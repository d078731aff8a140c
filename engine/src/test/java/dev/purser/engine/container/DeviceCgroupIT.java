package dev.purser.engine.container;

import static dev.purser.engine.testing.TestEngine.config;
import static org.assertj.core.api.Assertions.assertThat;

import dev.purser.engine.testing.BusyboxImage;
import dev.purser.engine.testing.HostLoopDevice;
import dev.purser.engine.testing.TestEngine;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The device cgroup keeps a container away from the host's block devices, as Docker's default
 * does: the attacks of issue 7, reproduced against a real loop device over a host file.
 */
class DeviceCgroupIT {
    private static final String NODE_IMAGE = "device-node:latest";
    static TestEngine engine;
    static HostLoopDevice loop;

    @BeforeAll
    static void start() throws IOException {
        engine = TestEngine.start();
        loop = HostLoopDevice.attach();
        // An image that ships a world-readable and -writable node for the host's loop device.
        TarArchiveEntry node = new TarArchiveEntry("hostloop", TarConstants.LF_BLK);
        node.setMode(0666);
        node.setDevMajor(loop.major());
        node.setDevMinor(loop.minor());
        engine.engine().images().importRootfs(new ByteArrayInputStream(BusyboxImage.rootfsTar(List.of(node))),
                NODE_IMAGE, List.of(), "");
    }

    @AfterAll
    static void stop() {
        engine.close();
        loop.close();
    }

    private static HostConfig host(boolean privileged, List<String> capDrop) {
        return new HostConfig(null, capDrop, null, privileged, false, null, 0, 0, 0, 0, null, null, false, null, null);
    }

    private String mknod() {
        return "mknod /tmp/blk b " + loop.major() + " " + loop.minor() + " && echo made; ";
    }

    @Test
    void rootMayMknodAHostBlockDeviceButNotReadIt() {
        Container c = engine.create(config("sh", "-c", mknod() + "head -c 16 /tmp/blk"), null);
        assertThat(engine.runToExit(c)).isEqualTo(1);
        assertThat(engine.logs(c, "stdout")).isEqualTo("made\n");
        assertThat(engine.logs(c, "stderr")).contains("/tmp/blk: Operation not permitted");
    }

    @Test
    void rootCannotWriteAMknodHostBlockDeviceAndTheHostFileIsUnchanged() {
        Container c = engine.create(config("sh", "-c", mknod() + "echo overwritten | dd of=/tmp/blk conv=notrunc,fsync"), null);
        assertThat(engine.runToExit(c)).isEqualTo(1);
        assertThat(engine.logs(c, "stdout")).isEqualTo("made\n");
        assertThat(engine.logs(c, "stderr")).contains("can't open '/tmp/blk': Operation not permitted");
        assertThat(loop.head()).isEqualTo(HostLoopDevice.CONTENT);
    }

    @Test
    void deviceNodeShippedInAnImageIsRefusedToNobodyWithoutCapabilities() {
        ContainerConfig cfg = new ContainerConfig(null, null, "65534", false, true, true, false, false, false,
                List.of(), List.of("sh", "-c", "ls -l /hostloop; head -c 16 /hostloop"), NODE_IMAGE, null, null, null, null, null, null);
        Container c = engine.create(cfg, host(false, List.of("ALL")));
        assertThat(engine.runToExit(c)).isEqualTo(1);
        // the node is there, as Docker keeps device nodes in layers, and its mode lets anyone open it
        assertThat(engine.logs(c, "stdout")).startsWith("brw-rw-rw-");
        assertThat(engine.logs(c, "stderr")).contains("/hostloop: Operation not permitted");
    }

    @Test
    void privilegedContainerReachesTheDevice() throws IOException {
        // The same read as above succeeding here shows it is the device cgroup that refuses it.
        // --privileged grants the daemon's own bounding set (docs/decisions/0011), so it starts
        // on hosts whose root lacks some capabilities too.
        Container c = engine.create(config("sh", "-c", mknod() + "head -c 16 /tmp/blk"), host(true, null));
        assertThat(engine.runToExit(c)).isZero();
        assertThat(engine.logs(c)).isEqualTo("made\n" + HostLoopDevice.CONTENT.substring(0, 16));
    }

    @Test
    void dockersDefaultNodesStayUsable() {
        assertThat(engine.output("sh", "-c",
                "echo x > /dev/null && head -c 4 /dev/zero | wc -c && head -c 4 /dev/urandom | wc -c && echo ok"))
                .isEqualTo("4\n4\nok\n");
    }
}
