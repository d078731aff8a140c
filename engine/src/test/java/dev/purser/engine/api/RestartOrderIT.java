package dev.purser.engine.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.purser.engine.testing.DaemonProcess;
import dev.purser.engine.testing.DaemonProcess.Result;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A daemon SIGKILLed and started again brings back its restart-policy containers so that a link
 * target and a container whose network another joins are running before the containers that need
 * them (the newest, which need the older, would otherwise come first and fail).
 */
class RestartOrderIT {
    Path root;
    DaemonProcess daemon;

    @BeforeEach
    void startDaemon() throws Exception {
        root = Files.createDirectories(Path.of("/tmp/purser-it", "order-" + UUID.randomUUID().toString().substring(0, 8)));
        daemon = DaemonProcess.start(root, Map.of());
        daemon.importBusybox();
    }

    @AfterEach
    void stopDaemon() throws Exception {
        daemon.close();
    }

    private void crashAndRestart() throws Exception {
        daemon.kill();
        daemon.launch(Map.of());
    }

    private Result docker(String... args) {
        return daemon.docker(args);
    }

    private String state(String name) {
        return docker("inspect", "-f", "{{.State.Status}} {{.State.Error}}", name).line();
    }

    private void run(String... args) {
        List<String> cmd = new ArrayList<>(List.of("run", "-d", "--restart", "always"));
        cmd.addAll(List.of(args));
        Result r = docker(cmd.toArray(String[]::new));
        assertThat(r.exitCode()).as(r.line()).isZero();
    }

    @Test
    void linkerComesBackAfterItsTarget() throws Exception {
        run("--name", "web", "busybox", "sleep", "1000");
        run("--name", "web_test", "--link", "web:web", "busybox", "sleep", "1000");
        crashAndRestart();
        assertThat(state("web")).startsWith("running");
        assertThat(state("web_test")).startsWith("running");
    }

    @Test
    void containerJoiningAnothersNetworkComesBackAfterIt() throws Exception {
        run("--name", "owner", "busybox", "sleep", "1000");
        run("--name", "joiner", "--network", "container:owner", "busybox", "sleep", "1000");
        crashAndRestart();
        assertThat(state("owner")).startsWith("running");
        assertThat(state("joiner")).startsWith("running");
    }

    @Test
    void linkerAfterAChainOfTargetsComesBackLast() throws Exception {
        run("--name", "db", "busybox", "sleep", "1000");
        run("--name", "app", "--link", "db:db", "busybox", "sleep", "1000");
        run("--name", "front", "--link", "app:app", "busybox", "sleep", "1000");
        crashAndRestart();
        assertThat(List.of(state("db"), state("app"), state("front"))).allMatch(s -> s.startsWith("running"));
    }
}
