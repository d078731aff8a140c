package dev.purser.engine.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.purser.engine.testing.DaemonProcess;
import dev.purser.engine.testing.DaemonProcess.Result;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
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
    DaemonProcess daemon;

    @BeforeEach
    void startDaemon() throws Exception {
        root = Files.createDirectories(Path.of("/tmp/purser-it", "restart-" + UUID.randomUUID().toString().substring(0, 8)));
        daemon = DaemonProcess.start(root, Map.of());
        daemon.importBusybox();
    }

    @AfterEach
    void stopDaemon() throws Exception {
        daemon.close();
    }

    private Result docker(String... args) {
        return daemon.docker(args);
    }

    private String state(String name) {
        return docker("inspect", "-f", "{{.State.Status}} {{.State.ExitCode}}", name).line();
    }

    private void crashAndRestart() throws Exception {
        daemon.kill();
        daemon.launch(Map.of());
    }

    @Test
    void runningContainerOfACrashedDaemonIsRecordedAsExited() throws Exception {
        String id = docker("run", "-d", "--name", "plain", "busybox", "sleep", "1000").line();
        int pid = Integer.parseInt(docker("inspect", "-f", "{{.State.Pid}}", "plain").line());
        crashAndRestart();
        assertThat(Path.of("/proc/" + pid)).doesNotExist();
        assertThat(state("plain")).isEqualTo("exited 137");
        assertThat(Files.readString(Path.of("/proc/self/mounts"))).doesNotContain(id);
    }

    /** A named volume's data, written by a container that was then removed, is there after a SIGKILL of the daemon. */
    @Test
    void volumeDataSurvivesADaemonSigkill() throws Exception {
        assertThat(docker("run", "--rm", "-v", "survivor:/v", "busybox", "sh", "-c", "echo kept > /v/f && sync /v/f").exitCode())
                .isZero();
        docker("run", "-d", "--name", "holder", "-v", "survivor:/v", "-v", "/anon", "busybox", "sleep", "1000");
        String anon = docker("inspect", "-f", "{{range .Mounts}}{{if eq .Destination \"/anon\"}}{{.Name}}{{end}}{{end}}", "holder").line();
        crashAndRestart();
        assertThat(docker("volume", "ls", "-q").line().lines()).contains("survivor", anon);
        assertThat(docker("volume", "rm", "survivor").line()).contains("volume is in use");
        docker("rm", "-f", "-v", "holder");
        assertThat(docker("run", "--rm", "-v", "survivor:/v", "busybox", "cat", "/v/f").line()).isEqualTo("kept");
        assertThat(docker("volume", "ls", "-q").line().lines()).doesNotContain(anon);
        assertThat(docker("volume", "rm", "survivor").exitCode()).isZero();
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
        assertThat(docker("start", "created").exitCode()).isZero();
    }
}
