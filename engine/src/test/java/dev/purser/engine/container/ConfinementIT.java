package dev.purser.engine.container;

import static dev.purser.engine.testing.TestEngine.config;
import static org.assertj.core.api.Assertions.assertThat;

import dev.purser.engine.runtime.ContainerLaunch;
import dev.purser.engine.testing.TestEngine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A default container's confinement against Docker's documented defaults (moby's oci/defaults.go
 * and runc's default devices), one field per test, read from inside the container on this v1 host.
 * The refusals themselves (mknod'd and image-shipped block devices) are DeviceCgroupIT's; the
 * v2 variant is UnifiedCgroupContainerIT's. Seccomp is tested with the seccomp profile.
 */
class ConfinementIT {
    /** moby oci/defaults.go DefaultLinuxSpec().Linux.MaskedPaths. */
    private static final List<String> DOCKER_MASKED = List.of(
            "/proc/asound", "/proc/acpi", "/proc/interrupts", "/proc/kcore", "/proc/keys", "/proc/latency_stats",
            "/proc/timer_list", "/proc/timer_stats", "/proc/sched_debug", "/proc/scsi", "/sys/firmware",
            "/sys/devices/virtual/powercap");
    /** moby oci/defaults.go DefaultLinuxSpec().Linux.ReadonlyPaths. */
    private static final List<String> DOCKER_READONLY = List.of(
            "/proc/bus", "/proc/fs", "/proc/irq", "/proc/sys", "/proc/sysrq-trigger");

    static TestEngine engine;

    @BeforeAll
    static void start() {
        engine = TestEngine.start();
    }

    @AfterAll
    static void stop() {
        engine.close();
    }

    private static HostConfig host(List<String> securityOpt, long memory) {
        return new HostConfig(null, null, securityOpt, false, false, null, memory, 0, 0, 0, null, null, false, null, null);
    }

    private static String run(String user, HostConfig host, String script) {
        ContainerConfig cfg = new ContainerConfig(null, null, user, false, true, true, false, false, false,
                List.of(), List.of("sh", "-c", script), TestEngine.IMAGE, null, null, null, null, null, null);
        Container c = engine.create(cfg, host);
        engine.runToExit(c);
        return engine.logs(c);
    }

    /** Mount point to "fstype options" from the container's /proc/self/mountinfo. */
    private static List<String> mounts() {
        return Arrays.asList(engine.output("sh", "-c",
                "while read id parent dev root point opts rest; do echo \"$point ${rest#*- }|$opts\"; done < /proc/self/mountinfo")
                .split("\n"));
    }

    @Test
    void capabilitiesOfRootAreDockersDefaultFourteen() {
        assertThat(engine.output("grep", "^Cap", "/proc/self/status")).isEqualTo("""
                CapInh:\t0000000000000000
                CapPrm:\t00000000a80425fb
                CapEff:\t00000000a80425fb
                CapBnd:\t00000000a80425fb
                CapAmb:\t0000000000000000
                """);
    }

    @Test
    void capabilitiesOfANonRootUserAreOnlyTheBoundingSet() {
        // Docker 23+: a non-root user's permitted and effective sets start empty.
        assertThat(run("65534", null, "grep ^Cap /proc/self/status")).isEqualTo("""
                CapInh:\t0000000000000000
                CapPrm:\t0000000000000000
                CapEff:\t0000000000000000
                CapBnd:\t00000000a80425fb
                CapAmb:\t0000000000000000
                """);
    }

    @Test
    void noNewPrivsIsOffByDefault() {
        assertThat(engine.output("grep", "^NoNewPrivs", "/proc/self/status")).isEqualTo("NoNewPrivs:\t0\n");
    }

    @Test
    void noNewPrivsIsOnWithTheSecurityOption() {
        assertThat(run(null, host(List.of("no-new-privileges"), 0), "grep ^NoNewPrivs /proc/self/status"))
                .isEqualTo("NoNewPrivs:\t1\n");
    }

    @Test
    void maskedPathsAreDockersList() {
        assertThat(ContainerLaunch.DOCKER_MASKED_PATHS).containsExactlyInAnyOrderElementsOf(DOCKER_MASKED);
    }

    @Test
    void everyMaskedPathTheKernelHasIsMaskedInside() {
        List<String> mounts = mounts();
        for (String path : DOCKER_MASKED) {
            if (!Files.exists(Path.of(path))) {
                continue; // the stage skips what this kernel does not have, as runc does
            }
            String mount = mounts.stream().filter(m -> m.startsWith(path + " ")).findFirst().orElse("");
            if (Files.isDirectory(Path.of(path))) {
                assertThat(mount).as(path).startsWith(path + " tmpfs tmpfs ro|ro");
            } else {
                assertThat(engine.output("wc", "-c", path)).as(path).isEqualTo("0 " + path + "\n");
                assertThat(mount).as(path).isNotEmpty();
            }
        }
    }

    @Test
    void readOnlyPathsAreDockersListAndReadOnlyInside() {
        assertThat(ContainerLaunch.DOCKER_READONLY_PATHS).containsExactlyElementsOf(DOCKER_READONLY);
        List<String> mounts = mounts();
        for (String path : DOCKER_READONLY) {
            if (Files.exists(Path.of(path))) {
                assertThat(mounts).as(path).anyMatch(m -> m.startsWith(path + " proc proc ") && m.contains("|ro,"));
            }
        }
    }

    @Test
    void devHoldsDockersNodesAndLinksOnly() {
        List<String> expected = new java.util.ArrayList<>(List.of(
                "fd", "full", "mqueue", "null", "ptmx", "pts", "random", "shm", "stderr", "stdin", "stdout",
                "tty", "urandom", "zero"));
        if (Files.exists(Path.of("/proc/kcore"))) {
            expected.add(0, "core"); // runc links /dev/core only where the kernel has a kcore
        }
        assertThat(engine.output("ls", "/dev").split("\n")).containsExactlyElementsOf(expected);
    }

    @Test
    void deviceCgroupIsDockersDefaultList() {
        // as dockerd 20.10 shows it here, less c 5:1 (/dev/console), which runc 1.2 left out of its defaults
        assertThat(engine.output("cat", "/sys/fs/cgroup/devices/devices.list")).isEqualTo("""
                b *:* m
                c *:* m
                c 1:3 rwm
                c 1:5 rwm
                c 1:7 rwm
                c 1:8 rwm
                c 1:9 rwm
                c 5:0 rwm
                c 5:2 rwm
                c 10:200 rwm
                c 136:* rwm
                """);
    }

    @Test
    void openOfAMknodBlockDeviceIsRefused() {
        // EPERM is the device cgroup's answer; without it a missing loop0 would be ENXIO and a present one readable.
        Container c = engine.create(config("sh", "-c", "mknod /tmp/loop0 b 7 0 && head -c 1 /tmp/loop0"), null);
        assertThat(engine.runToExit(c)).isEqualTo(1);
        assertThat(engine.logs(c, "stderr")).isEqualTo("head: /tmp/loop0: Operation not permitted\n");
    }

    @Test
    void mountsAreDockersDefaults() {
        List<String> mounts = mounts().stream()
                .filter(m -> !m.startsWith("/sys/fs/cgroup/"))
                .filter(m -> DOCKER_MASKED.stream().noneMatch(p -> m.startsWith(p + " ")))
                .filter(m -> DOCKER_READONLY.stream().noneMatch(p -> m.startsWith(p + " ")))
                .map(m -> m.substring(0, m.indexOf(' ', m.indexOf(' ') + 1)) + " " + m.substring(m.indexOf('|') + 1).split(",")[0])
                .toList();
        assertThat(mounts).containsExactly(
                "/ overlay rw",
                "/proc proc rw",
                "/dev tmpfs rw",
                "/dev/pts devpts rw",
                "/dev/shm tmpfs rw",
                "/dev/mqueue mqueue rw",
                "/sys sysfs ro",
                "/sys/fs/cgroup tmpfs ro",
                "/etc/resolv.conf ext4 rw".replace("ext4", fsOf("/tmp/purser-it")),
                "/etc/hostname ext4 rw".replace("ext4", fsOf("/tmp/purser-it")),
                "/etc/hosts ext4 rw".replace("ext4", fsOf("/tmp/purser-it")));
    }

    private static String fsOf(String hostPath) {
        try {
            return Files.getFileStore(Path.of(hostPath)).type();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void cgroupFilesystemShowsEachControllerReadOnly() {
        List<String> cgroups = mounts().stream().filter(m -> m.startsWith("/sys/fs/cgroup/")).toList();
        assertThat(cgroups).extracting(m -> m.substring("/sys/fs/cgroup/".length(), m.indexOf(' ')))
                .containsExactlyInAnyOrder("blkio", "cpu", "cpuacct", "cpuset", "devices", "freezer", "memory", "pids");
        assertThat(cgroups).allMatch(m -> m.contains(" cgroup cgroup ") && m.contains("|ro,nosuid,nodev,noexec"));
    }

    @Test
    void containerReadsItsMemoryLimitUnderSysFsCgroup() {
        assertThat(run(null, host(null, 64L << 20), "cat /sys/fs/cgroup/memory/memory.limit_in_bytes")).isEqualTo("67108864\n");
    }

    @Test
    void containerCannotWriteItsLimits() {
        Container c = engine.create(config("sh", "-c",
                "echo 1 > /sys/fs/cgroup/memory/memory.limit_in_bytes; cat /sys/fs/cgroup/memory/memory.limit_in_bytes"),
                host(null, 64L << 20));
        engine.runToExit(c);
        assertThat(engine.logs(c, "stderr")).contains("memory.limit_in_bytes: Read-only file system");
        assertThat(engine.logs(c, "stdout")).isEqualTo("67108864\n");
    }

    @Test
    void etcFilesAreReadableByANonRootUser() {
        assertThat(run("65534", null, "stat -c '%a %n' /etc/hosts /etc/resolv.conf /etc/hostname && cat /etc/hosts /etc/resolv.conf /etc/hostname > /dev/null && echo read"))
                .isEqualTo("644 /etc/hosts\n644 /etc/resolv.conf\n644 /etc/hostname\nread\n");
    }

    @Test
    void etcFilesLeftPrivateByAnOlderPurserAreMadeReadableAtStart() throws Exception {
        ContainerConfig cfg = new ContainerConfig(null, null, "65534", false, true, true, false, false, false,
                List.of(), List.of("stat", "-c", "%a", "/etc/hosts"), TestEngine.IMAGE, null, null, null, null, null, null);
        Container c = engine.create(cfg, null);
        Files.setPosixFilePermissions(Path.of(c.hostsPath()), java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        engine.runToExit(c);
        assertThat(engine.logs(c)).isEqualTo("644\n");
    }
}
