package dev.purser.tui.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.googlecode.lanterna.input.KeyType;
import dev.purser.engine.testing.BusyboxImage;
import dev.purser.tui.dashboard.DashboardSettings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The same dashboard against a real dockerd (Debian's docker.io), started here on a socket and
 * state of its own with no bridge and no iptables rules, so nothing on the host changes.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class RealDockerdIT {
    static Path dir;
    static Process dockerd;
    static String host;
    DashboardHarness screen;

    @BeforeAll
    static void startDockerd() throws IOException, InterruptedException {
        dir = Files.createDirectories(Path.of("/tmp/purser-tui-it", "dockerd-" + UUID.randomUUID().toString().substring(0, 8)));
        host = "unix://" + dir.resolve("docker.sock");
        dockerd = new ProcessBuilder("dockerd", "--data-root", dir.resolve("data").toString(), "--exec-root", dir.resolve("exec").toString(),
                "--pidfile", dir.resolve("dockerd.pid").toString(), "-H", host, "--bridge=none", "--iptables=false", "--ip6tables=false")
                .redirectErrorStream(true).redirectOutput(dir.resolve("dockerd.log").toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (docker("version").exitCode != 0) {
            if (System.nanoTime() > deadline || !dockerd.isAlive()) {
                throw new AssertionError("dockerd did not come up:\n" + Files.readString(dir.resolve("dockerd.log")));
            }
            Thread.sleep(200);
        }
        Path tar = dir.resolve("busybox.tar");
        Files.write(tar, BusyboxImage.rootfsTar());
        assertThat(docker("import", tar.toString(), "busybox:latest").exitCode).isZero();
        Outcome run = docker("run", "-d", "--name", "dockerd_web", "busybox", "sleep", "600");
        assertThat(run.exitCode).as(run.output).isZero();
    }

    @AfterAll
    static void stopDockerd() throws InterruptedException {
        if (dockerd == null) return;
        docker("rm", "-f", "dockerd_web");
        dockerd.destroy();
        if (!dockerd.waitFor(30, TimeUnit.SECONDS)) dockerd.destroyForcibly().waitFor();
    }

    @AfterEach
    void closeScreen() throws InterruptedException {
        if (screen != null) screen.close();
    }

    record Outcome(int exitCode, String output) {}

    static Outcome docker(String... args) {
        List<String> cmd = new ArrayList<>(List.of("docker", "-H", host));
        cmd.addAll(List.of(args));
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            return new Outcome(p.waitFor(), out);
        } catch (IOException e) {
            return new Outcome(-1, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome(-1, "interrupted");
        }
    }

    @Test
    void theDashboardListsAndStopsADockerdContainer() {
        screen = new DashboardHarness(host, 100, 30, DashboardSettings.defaults());
        screen.waitFor("dockerd_web");
        screen.press('/');
        screen.type("dockerd_web");
        screen.press(KeyType.Enter);
        screen.waitFor("filter \"dockerd_web\"");
        screen.press('s');
        screen.waitUntil("dockerd_web exited", s -> s.lines().anyMatch(l -> l.contains("dockerd_web") && l.contains("Exited")));
        assertThat(docker("inspect", "-f", "{{.State.Status}}", "dockerd_web").output.strip()).isEqualTo("exited");
    }
}
