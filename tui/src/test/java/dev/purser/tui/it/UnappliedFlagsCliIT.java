package dev.purser.tui.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.purser.tui.it.InProcessDaemon.Result;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** purser's own CLI against its daemon: a flag purser does not apply is refused, printed as docker prints it, and creates nothing. */
class UnappliedFlagsCliIT {
    static InProcessDaemon daemon;

    @BeforeAll
    static void startDaemon() {
        daemon = InProcessDaemon.start();
        daemon.importBusybox();
    }

    @AfterAll
    static void stopDaemon() {
        daemon.close();
    }

    @Test
    void aRelabelledVolumeRunIsRefusedWithTheDaemonsMessageAndExit125() {
        Result r = daemon.purser("run", "--rm", "-v", "data:/data:z", "busybox", "touch", "/x");
        assertThat(r.exitCode()).isEqualTo(125);
        assertThat(r.err()).startsWith("purser: Error response from daemon: purser does not support the z volume option (SELinux relabelling) yet\n");
        assertThat(daemon.purser("ps", "-aq").out()).isEmpty();
    }

    @Test
    void aRelabelledVolumeCreateIsRefusedAsDockerCreateRefusesIt() {
        Result r = daemon.purser("create", "-v", "data:/data:z", "busybox");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err().strip()).isEqualTo("Error response from daemon: purser does not support the z volume option (SELinux relabelling) yet");
        assertThat(daemon.purser("ps", "-aq").out()).isEmpty();
    }

    @Test
    void anUnknownNetworkIsRefused() {
        Result r = daemon.purser("run", "--rm", "--network", "nowhere", "busybox", "true");
        assertThat(r.exitCode()).isEqualTo(125);
        assertThat(r.err()).startsWith("purser: Error response from daemon: network nowhere not found\n");
    }

    @Test
    void aPlatformIsRefusedByTheDaemon() {
        Result r = daemon.purser("run", "--rm", "--platform", "linux/arm64", "busybox", "true");
        assertThat(r.exitCode()).isEqualTo(125);
        assertThat(r.err()).startsWith("purser: Error response from daemon: purser does not support the platform parameter yet\n");
    }

    @Test
    void initIsRefused() {
        Result r = daemon.purser("run", "--rm", "--init", "busybox", "true");
        assertThat(r.exitCode()).isEqualTo(125);
        assertThat(r.err()).startsWith("purser: Error response from daemon: purser does not support HostConfig.Init yet\n");
    }

    @Test
    void theFlagsPurserAppliesStillRun() {
        Result r = daemon.purser("run", "--rm", "--network", "none", "--security-opt", "no-new-privileges", "-e", "A=1",
                "--log-opt", "max-size=1m", "busybox", "sh", "-c", "echo $A");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.outLine()).isEqualTo("1");
    }
}
