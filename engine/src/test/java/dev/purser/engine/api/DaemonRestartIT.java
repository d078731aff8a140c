package dev.purser.engine.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.purser.engine.testing.BusyboxImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A daemon killed outright (SIGKILL) and started again on the same state root: nothing is left
 * half-done, containers that were running are recorded as exited, and restart policies bring
 * back the ones Docker would bring back.
 */
class DaemonRestartIT {
    Path root;
    Path socket;
    Process daemon;

    @BeforeEach
    void startDaemon() throws Exception {
        root = Files.createDirectories(Path.of("/tmp/purser-it", "restart-" + UUID.randomUUID().toString().substring(0, 8)));
        socket = root.resolve("purser.sock");
        daemon = launch();
        Path tar = root.resolve("busybox.tar");
        Files.write(tar, BusyboxImage.rootfsTar());
        assertThat(docker("import", tar.toString(), "busybox:latest").exitCode).isZero();
    }

    @AfterEach
    void stopDaemon() throws Exception {
        for (String id : docker("ps", "-aq").out.lines().toList()) {
            docker("rm", "-f", id);
        }
        daemon.destroy();
        daemon.waitFor(30, TimeUnit.SECONDS);
    }

    private Process launch() throws Exception {
        Files.deleteIfExists(socket);
        List<String> cmd = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Daemon.class.getName(),
                "--root", root.resolve("state").toString(), "-H", "unix://" + socket, "--cgroup-parent", "purser-it");
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(root.resolve("daemon.log").toFile()).start();
        for (int i = 0; i < 300; i++) {
            if (Files.exists(socket) && docker("version").exitCode == 0) {
                return p;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the daemon did not come up:\n" + Files.readString(root.resolve("daemon.log")));
    }

    record Result(int exitCode, String out) {}

    private Result docker(String... args) {
        List<String> cmd = new ArrayList<>(List.of("docker"));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().put("DOCKER_HOST", "unix://" + socket);
        pb.environment().put("DOCKER_CONFIG", root.resolve("docker-config").toString());
        try {
            Process p = pb.start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            p.waitFor(60, TimeUnit.SECONDS);
            return new Result(p.exitValue(), out.strip());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private String state(String name) {
        return docker("inspect", "-f", "{{.State.Status}} {{.State.ExitCode}}", name).out;
    }

    private void crashAndRestart() throws Exception {
        daemon.destroyForcibly();
        daemon.waitFor(30, TimeUnit.SECONDS);
        daemon = launch();
    }

    @Test
    void runningContainerOfACrashedDaemonIsRecordedAsExited() throws Exception {
        String id = docker("run", "-d", "--name", "plain", "busybox", "sleep", "1000").out;
        int pid = Integer.parseInt(docker("inspect", "-f", "{{.State.Pid}}", "plain").out);
        crashAndRestart();
        assertThat(Path.of("/proc/" + pid)).doesNotExist();
        assertThat(state("plain")).isEqualTo("exited 137");
        assertThat(Files.readString(Path.of("/proc/self/mounts"))).doesNotContain(id);
    }

    /** A named volume's data, written by a container that was then removed, is there after a SIGKILL of the daemon. */
    @Test
    void volumeDataSurvivesADaemonSigkill() throws Exception {
        assertThat(docker("run", "--rm", "-v", "survivor:/v", "busybox", "sh", "-c", "echo kept > /v/f && sync /v/f").exitCode)
                .isZero();
        docker("run", "-d", "--name", "holder", "-v", "survivor:/v", "-v", "/anon", "busybox", "sleep", "1000");
        String anon = docker("inspect", "-f", "{{range .Mounts}}{{if eq .Destination \"/anon\"}}{{.Name}}{{end}}{{end}}", "holder").out;
        crashAndRestart();
        assertThat(docker("volume", "ls", "-q").out.lines()).contains("survivor", anon);
        assertThat(docker("volume", "rm", "survivor").out).contains("volume is in use");
        docker("rm", "-f", "-v", "holder");
        assertThat(docker("run", "--rm", "-v", "survivor:/v", "busybox", "cat", "/v/f").out).isEqualTo("kept");
        assertThat(docker("volume", "ls", "-q").out.lines()).doesNotContain(anon);
        assertThat(docker("volume", "rm", "survivor").exitCode).isZero();
    }

    @Test
    void restartPoliciesBringContainersBackAfterADaemonRestart() throws Exception {
        docker("run", "-d", "--name", "always", "--restart", "always", "busybox", "sleep", "1000");
        docker("run", "-d", "--name", "unless", "--restart", "unless-stopped", "busybox", "sleep", "1000");
        docker("run", "-d", "--name", "stopped-by-hand", "--restart", "unless-stopped", "busybox", "sleep", "1000");
        docker("stop", "-t", "0", "stopped-by-hand");
        docker("run", "-d", "--name", "no-policy", "busybox", "sleep", "1000");
        crashAndRestart();
        assertThat(state("always")).startsWith("running");
        assertThat(state("unless")).startsWith("running");
        assertThat(state("stopped-by-hand")).startsWith("exited");
        assertThat(state("no-policy")).startsWith("exited");
    }

    @Test
    void createdContainersSurviveARestartUnchanged() throws Exception {
        docker("create", "--name", "created", "busybox", "true");
        crashAndRestart();
        assertThat(state("created")).isEqualTo("created 0");
        assertThat(docker("start", "created").exitCode).isZero();
    }
}
