package dev.purser.engine.container;

import static dev.purser.engine.testing.TestEngine.config;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.purser.engine.testing.TestEngine;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What a container's process sees: its command, output, exit code, namespaces, user and privileges. */
class ContainerProcessIT {
    static TestEngine engine;

    @BeforeAll
    static void startEngine() {
        engine = TestEngine.start();
    }

    @AfterAll
    static void stopEngine() {
        engine.close();
    }

    private static HostConfig host(List<String> capAdd, List<String> capDrop) {
        return new HostConfig(capAdd, capDrop, null, false, false, null, 0, 0, 0, 0, null, null, false, null, null);
    }

    @Test
    void echoOutputReachesTheLog() {
        assertThat(engine.output("echo", "hello")).isEqualTo("hello\n");
    }

    @Test
    void stdoutAndStderrAreLoggedSeparately() {
        Container c = engine.create(config("sh", "-c", "echo out; echo err >&2"), null);
        engine.runToExit(c);
        assertThat(engine.logs(c, "stdout")).isEqualTo("out\n");
        assertThat(engine.logs(c, "stderr")).isEqualTo("err\n");
    }

    @ParameterizedTest
    @CsvSource({"exit 0, 0", "exit 3, 3", "exit 255, 255"})
    void exitCodeIsRecorded(String script, int expected) {
        Container c = engine.create(config("sh", "-c", script), null);
        assertThat(engine.runToExit(c)).isEqualTo(expected);
        ContainerState state = engine.engine().containers().get(c.id()).state();
        assertThat(state.status()).isEqualTo("exited");
        assertThat(state.exitCode()).isEqualTo(expected);
        assertThat(state.running()).isFalse();
    }

    @Test
    void pidOneIgnoresSignalsItHasNoHandlerFor() {
        // the kernel shields a PID namespace's init from signals it does not handle, as in Docker
        assertThat(engine.output("sh", "-c", "kill -TERM $$; kill -9 $$; echo still here")).isEqualTo("still here\n");
    }

    @Test
    void commandIsPidOne() {
        assertThat(engine.output("sh", "-c", "echo $$")).isEqualTo("1\n");
    }

    @Test
    void procShowsOnlyTheContainersProcesses() {
        // the pipeline's own few processes, numbered from 1; nothing of the host's
        String pids = engine.output("sh", "-c", "ls /proc | grep -E '^[0-9]+$' | sort -n | tr '\\n' ' '");
        assertThat(pids).startsWith("1 ");
        assertThat(pids.trim().split(" ")).allSatisfy(p -> assertThat(Integer.parseInt(p)).isLessThan(20));
    }

    @Test
    void hostnameIsTheShortIdByDefault() {
        Container c = engine.create(config("hostname"), null);
        engine.runToExit(c);
        assertThat(engine.logs(c)).isEqualTo(c.id().substring(0, 12) + "\n");
    }

    @Test
    void hostnameCanBeGiven() {
        ContainerConfig cfg = config("cat", "/etc/hostname");
        cfg = new ContainerConfig("web", null, null, false, true, true, false, false, false, List.of(), cfg.cmd(),
                TestEngine.IMAGE, null, null, null, null, null, null);
        Container c = engine.create(cfg, null);
        engine.runToExit(c);
        assertThat(engine.logs(c)).isEqualTo("web\n");
    }

    @Test
    void environmentAndWorkingDirectoryAreApplied() {
        ContainerConfig cfg = new ContainerConfig(null, null, null, false, true, true, false, false, false,
                List.of("MY_ENVIRONMENT_VAR=this is a test"), List.of("sh", "-c", "pwd; echo $MY_ENVIRONMENT_VAR; echo $HOME"),
                TestEngine.IMAGE, null, "/var/www", null, null, null, null);
        Container c = engine.create(cfg, null);
        engine.runToExit(c);
        assertThat(engine.logs(c)).isEqualTo("/var/www\nthis is a test\n/root\n");
    }

    @Test
    void userNobodyRunsAsUid65534WithoutCapabilities() {
        ContainerConfig cfg = new ContainerConfig(null, null, "nobody", false, true, true, false, false, false,
                List.of(), List.of("sh", "-c", "id -u; id -g; grep CapEff /proc/self/status"),
                TestEngine.IMAGE, null, null, null, null, null, null);
        Container c = engine.create(cfg, null);
        engine.runToExit(c);
        assertThat(engine.logs(c)).isEqualTo("65534\n65534\nCapEff:\t0000000000000000\n");
    }

    @Test
    void userGivenAsUidAndGid() {
        ContainerConfig cfg = new ContainerConfig(null, null, "1000:100", false, true, true, false, false, false,
                List.of(), List.of("id"), TestEngine.IMAGE, null, null, null, null, null, null);
        Container c = engine.create(cfg, null);
        engine.runToExit(c);
        assertThat(engine.logs(c)).startsWith("uid=1000 gid=100(users)");
    }

    @Test
    void rootGetsDockersDefaultCapabilities() {
        // the 14 default capabilities: 0x00000000a80425fb
        assertThat(engine.output("grep", "CapEff", "/proc/self/status")).isEqualTo("CapEff:\t00000000a80425fb\n");
    }

    @Test
    void droppedCapabilityIsReallyGone() {
        Container c = engine.create(config("sh", "-c", "touch /tmp/f && chown 1 /tmp/f && echo changed"),
                host(null, List.of("CHOWN")));
        assertThat(engine.runToExit(c)).isEqualTo(1);
        assertThat(engine.logs(c, "stderr")).contains("Operation not permitted");
    }

    @Test
    void addedCapabilityIsGranted() {
        Container c = engine.create(config("grep", "CapEff", "/proc/self/status"), host(List.of("NET_ADMIN"), null));
        engine.runToExit(c);
        assertThat(engine.logs(c)).isEqualTo("CapEff:\t00000000a80435fb\n");
    }

    @Test
    void unknownCapabilityIsRefusedAtCreate() {
        assertThatThrownBy(() -> engine.create(config("true"), host(List.of("NOPE"), null)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("CAP_NOPE");
    }

    @Test
    void maskedPathsAreEmpty() {
        assertThat(engine.output("sh", "-c", "wc -c < /proc/interrupts; ls /sys/firmware | wc -l")).isEqualTo("0\n0\n");
    }

    @Test
    void procSysIsReadOnly() {
        Container c = engine.create(config("sh", "-c", "echo 1 > /proc/sys/kernel/panic"), null);
        assertThat(engine.runToExit(c)).isNotZero();
        assertThat(engine.logs(c, "stderr")).contains("Read-only file system");
    }

    @Test
    void devHasDockersDeviceNodes() {
        assertThat(engine.output("sh", "-c", "ls /dev | tr '\\n' ' '"))
                .contains("full", "null", "ptmx", "pts", "random", "shm", "stdout", "tty", "urandom", "zero");
    }

    @Test
    void missingCommandExitsWith127() {
        Container c = engine.create(config("/bin/nope"), null);
        assertThatThrownBy(() -> engine.engine().containers().start(c.id()))
                .isInstanceOf(ContainerStartException.class)
                .hasMessageContaining("/bin/nope")
                .satisfies(e -> assertThat(((ContainerStartException) e).exitCode()).isEqualTo(127));
        ContainerState state = engine.engine().containers().get(c.id()).state();
        assertThat(state.exitCode()).isEqualTo(127);
        assertThat(state.error()).contains("/bin/nope");
    }

    @Test
    void networkNoneHasOnlyLoopbackUp() {
        HostConfig none = new HostConfig(null, null, null, false, false, null, 0, 0, 0, 0, null, "none", false, null, null);
        Container c = engine.create(config("sh", "-c", "ls /sys/class/net | tr '\\n' ' '; cat /sys/class/net/lo/operstate"), none);
        engine.runToExit(c);
        assertThat(engine.logs(c)).startsWith("lo ");
    }
}
