package dev.purser.engine.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.purser.engine.testing.TestDaemon;
import dev.purser.engine.testing.TestDaemon.Result;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The stock docker CLI's flags for what purser does not apply yet: each is refused by the daemon
 * with a message naming the field, the CLI prints it and exits 125, and no container exists.
 */
class UnappliedFlagsIT {
    static TestDaemon daemon;

    @BeforeAll
    static void startDaemon() {
        daemon = TestDaemon.start();
    }

    @AfterAll
    static void stopDaemon() {
        daemon.close();
    }

    static Stream<Arguments> flags() {
        return Stream.of(
                Arguments.of("purser does not support the Z volume option (SELinux relabelling) yet", List.of("-v", "data:/data:Z")),
                Arguments.of("purser does not support the volume driver \"nfs\" (HostConfig.Mounts.VolumeOptions.DriverConfig.Name) yet",
                        List.of("--mount", "type=volume,src=data,dst=/data,volume-driver=nfs")),
                refused("HostConfig.VolumeDriver", "--volume-driver", "nfs"),
                refused("HostConfig.Devices", "--device", "/dev/null"),
                refused("HostConfig.IpcMode", "--ipc", "host"),
                refused("HostConfig.Ulimits", "--ulimit", "nofile=10:10"),
                refused("HostConfig.Init", "--init"),
                refused("HostConfig.LogConfig.Type none", "--log-driver", "none"),
                refused("HostConfig.PidMode", "--pid", "host"),
                refused("HostConfig.ShmSize", "--shm-size", "1m"),
                refused("HostConfig.Sysctls", "--sysctl", "net.ipv4.ip_forward=1"),
                refused("HostConfig.GroupAdd", "--group-add", "10"),
                refused("HostConfig.OomKillDisable", "--oom-kill-disable"),
                refused("HostConfig.CpusetCpus", "--cpuset-cpus", "0"),
                refused("HostConfig.SecurityOpt apparmor", "--security-opt", "apparmor=unconfined"),
                refused("Config.Healthcheck", "--health-cmd", "true"),
                Arguments.of("network nowhere not found", List.of("--network", "nowhere")));
    }

    private static Arguments refused(String field, String... flags) {
        return Arguments.of("purser does not support " + field + " yet", List.of(flags));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("flags")
    void runIsRefusedNamingTheFieldAndCreatesNothing(String message, List<String> flags) {
        List<String> args = new ArrayList<>(List.of("run", "--rm"));
        args.addAll(flags);
        args.addAll(List.of("busybox", "touch", "/x"));
        Result r = daemon.docker(args.toArray(String[]::new));
        assertThat(r.exitCode()).as(r.err()).isEqualTo(125);
        assertThat(r.err().lines().findFirst().orElse("")).isEqualTo("docker: Error response from daemon: " + message);
        assertThat(daemon.docker("ps", "-aq").out()).isEmpty();
    }

    /** docker create reports a daemon's refusal as any other error: exit 1, without run's "docker:" prefix. */
    @Test
    void createIsRefusedTheSameWay() {
        Result r = daemon.docker("create", "--init", "busybox");
        assertThat(r.exitCode()).as(r.err()).isEqualTo(1);
        assertThat(r.err().strip()).isEqualTo("Error response from daemon: purser does not support HostConfig.Init yet");
        assertThat(daemon.docker("ps", "-aq").out()).isEmpty();
    }

    @Test
    void updateIsRefusedNamingTheField() {
        String id = daemon.docker("create", "busybox", "true").outLine();
        Result r = daemon.docker("update", "--memory", "10m", id);
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).contains("purser does not support updating HostConfig.Memory yet");
        assertThat(daemon.docker("inspect", "--format", "{{.HostConfig.Memory}}", id).outLine()).isEqualTo("0");
        daemon.docker("rm", id);
    }

    @Test
    void defaultNetworkNamesAreAccepted() {
        for (String network : List.of("default", "bridge", "none", "host")) {
            Result r = daemon.docker("run", "--rm", "--network", network, "busybox", "true");
            assertThat(r.exitCode()).as(network + ": " + r.err()).isZero();
        }
    }
}
