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
 * A daemon SIGKILLed and started again brings back its restart-policy containers so that a link
 * target and a container whose network another joins are running before the containers that need
 * them (the newest, which need the older, would otherwise come first and fail).
 */
class RestartOrderIT {
    Path root;
    Path socket;
    Process daemon;

    @BeforeEach
    void startDaemon() throws Exception {
        root = Files.createDirectories(Path.of("/tmp/purser-it", "order-" + UUID.randomUUID().toString().substring(0, 8)));
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
                .redirectOutput(ProcessBuilder.Redirect.appendTo(root.resolve("daemon.log").toFile())).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            if (Files.exists(socket) && docker("version").exitCode == 0) {
                return p;
            }
            p.waitFor(100, TimeUnit.MILLISECONDS);
        }
        throw new AssertionError("the daemon did not come up:\n" + Files.readString(root.resolve("daemon.log")));
    }

    private void crashAndRestart() throws Exception {
        daemon.destroyForcibly();
        daemon.waitFor(30, TimeUnit.SECONDS);
        daemon = launch();
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
        return docker("inspect", "-f", "{{.State.Status}} {{.State.Error}}", name).out;
    }

    private void run(String... args) {
        List<String> cmd = new ArrayList<>(List.of("run", "-d", "--restart", "always"));
        cmd.addAll(List.of(args));
        Result r = docker(cmd.toArray(String[]::new));
        assertThat(r.exitCode).as(r.out).isZero();
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
