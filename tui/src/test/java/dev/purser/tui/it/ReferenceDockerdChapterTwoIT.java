package dev.purser.tui.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.purser.tui.it.InProcessDaemon.Result;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The chapter-2 contract through the docker CLI against a reference dockerd (Debian's docker.io)
 * that the test starts on its own socket and state, without networking set-up on the host. On a
 * machine without dockerd, or where it cannot run, this class fails saying why: .ci/run installs it.
 */
class ReferenceDockerdChapterTwoIT extends ChapterTwoContract {
    static Path dir;
    static Process dockerd;
    static ContractClient docker;

    @BeforeAll
    static void startDockerd() throws Exception {
        Path binary = Path.of("/usr/sbin/dockerd");
        assertThat(Files.isExecutable(binary)).as("the reference dockerd (/usr/sbin/dockerd, package docker.io, installed by .ci/run)").isTrue();
        dir = Files.createDirectories(Path.of("/tmp/purser-tui-it", "dockerd-" + UUID.randomUUID().toString().substring(0, 8)));
        Path socket = dir.resolve("docker.sock");
        dockerd = new ProcessBuilder(List.of(binary.toString(), "--data-root", dir.resolve("root").toString(),
                "--exec-root", dir.resolve("exec").toString(), "--pidfile", dir.resolve("docker.pid").toString(),
                "-H", "unix://" + socket, "--bridge=none", "--iptables=false", "--ip6tables=false"))
                .redirectErrorStream(true).redirectOutput(dir.resolve("dockerd.log").toFile()).start();
        docker = ContractClient.docker("unix://" + socket, dir);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!(Files.exists(socket) && docker.run("version").exitCode() == 0)) {
            assertThat(dockerd.isAlive()).as("the reference dockerd runs: %s", log()).isTrue();
            assertThat(System.nanoTime()).as("the reference dockerd comes up in 60 s: %s", log()).isLessThan(deadline);
            LockSupport.parkNanos(100_000_000);
        }
        Path rootfs = dir.resolve("busybox-rootfs.tar");
        Files.write(rootfs, dev.purser.engine.testing.BusyboxImage.rootfsTar());
        Result imported = docker.run("import", rootfs.toString(), "busybox:latest");
        assertThat(imported.exitCode()).as(imported.err()).isZero();
        Result probe = docker.run("run", "--rm", "busybox", "true");
        assertThat(probe.exitCode()).as("the reference dockerd runs containers: %s", probe.err()).isZero();
    }

    private static String log() {
        try {
            return Files.readString(dir.resolve("dockerd.log"));
        } catch (IOException e) {
            return e.toString();
        }
    }

    @AfterAll
    static void stopDockerd() throws Exception {
        if (dockerd == null) {
            return;
        }
        for (String id : docker.run("ps", "-aq").out().lines().toList()) {
            docker.run("rm", "-f", id);
        }
        dockerd.destroy();
        if (!dockerd.waitFor(60, TimeUnit.SECONDS)) {
            dockerd.destroyForcibly();
            dockerd.waitFor(30, TimeUnit.SECONDS);
        }
    }

    @Override
    ContractClient client() {
        return docker;
    }
}
