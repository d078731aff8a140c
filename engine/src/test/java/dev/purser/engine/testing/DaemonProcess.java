package dev.purser.engine.testing;

import dev.purser.engine.api.Daemon;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * {@code purser daemon} as a process of its own on a state root under {@code dir}, for tests
 * that kill it (SIGKILL, or a halt at a chosen point) and start it again on the same state. The
 * docker CLI talks to it.
 */
public final class DaemonProcess implements AutoCloseable {
    private final Path dir;
    private final Path socket;
    private Process process;

    private DaemonProcess(Path dir) {
        this.dir = dir;
        this.socket = dir.resolve("purser.sock");
    }

    /** A daemon on {@code dir}/state, with {@code properties} as JVM system properties. */
    public static DaemonProcess start(Path dir, Map<String, String> properties) {
        DaemonProcess d = new DaemonProcess(dir);
        d.launch(properties);
        return d;
    }

    public Path state() {
        return dir.resolve("state");
    }

    /** Starts the daemon again (after a kill) on the same state root; returns once its engine is open. */
    public void launch(Map<String, String> properties) {
        launch(properties, true);
    }

    /**
     * Starts the daemon again on the same state root and returns as soon as its socket answers
     * {@code /_ping}, which may be before its engine is open (the readiness gate).
     */
    public void launchUntilPing(Map<String, String> properties) {
        launch(properties, false);
    }

    /** A daemon on {@code dir}/state that has answered {@code /_ping}, its engine maybe still opening. */
    public static DaemonProcess startUntilPing(Path dir, Map<String, String> properties) {
        DaemonProcess d = new DaemonProcess(dir);
        d.launch(properties, false);
        return d;
    }

    /** The API socket. */
    public Path socket() {
        return socket;
    }

    private boolean pings() {
        try {
            return RawHttp.exchange(socket, "GET", "/_ping", null, null).status() == 200;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private void launch(Map<String, String> properties, boolean untilEngineOpen) {
        try {
            Files.createDirectories(dir);
            Files.deleteIfExists(socket);
            List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
            properties.forEach((k, v) -> cmd.add("-D" + k + "=" + v));
            cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), Daemon.class.getName(),
                    "--root", state().toString(), "-H", "unix://" + socket, "--cgroup-parent", "purser-it"));
            process = new ProcessBuilder(cmd).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("daemon.log").toFile())).start();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (System.nanoTime() < deadline) {
                if (!process.isAlive()) {
                    break;
                }
                if (Files.exists(socket) && (untilEngineOpen ? docker("version").exitCode() == 0 : pings())) {
                    return;
                }
                Thread.sleep(50);
            }
            throw new AssertionError("the daemon did not come up:\n" + Files.readString(dir.resolve("daemon.log")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** SIGTERM (containers left as they are), and waits until the process is gone. */
    public void stop() {
        process.destroy();
        awaitEnd();
    }

    /** SIGKILL, and waits until the process is gone. */
    public void kill() {
        process.destroyForcibly();
        awaitEnd();
    }

    /** Waits until the daemon has ended (e.g. halted by a test hook); its exit status. */
    public int awaitEnd() {
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                throw new AssertionError("the daemon did not end");
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public boolean alive() {
        return process.isAlive();
    }

    public long pid() {
        return process.pid();
    }

    public record Result(int exitCode, String out) {
        public String line() {
            return out.strip();
        }
    }

    /** Runs the docker CLI against this daemon (stdout and stderr together). */
    public Result docker(String... args) {
        List<String> cmd = new ArrayList<>(List.of("docker"));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().put("DOCKER_HOST", "unix://" + socket);
        pb.environment().put("DOCKER_CONFIG", dir.resolve("docker-config").toString());
        pb.environment().remove("DOCKER_CONTEXT");
        try {
            Process p = pb.start();
            p.getOutputStream().close();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError(String.join(" ", cmd) + " did not finish");
            }
            return new Result(p.exitValue(), out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Imports the busybox test image as busybox:latest. */
    public void importBusybox() {
        try {
            Path tar = dir.resolve("busybox.tar");
            Files.write(tar, BusyboxImage.rootfsTar());
            Result r = docker("import", tar.toString(), TestEngine.IMAGE);
            if (r.exitCode() != 0) {
                throw new AssertionError("import failed: " + r.out());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Removes every container (e.g. before the networks they are on). */
    public void removeContainers() {
        for (String id : docker("ps", "-aq").out().lines().toList()) {
            docker("rm", "-f", id);
        }
    }

    /** Removes every container and stops the daemon. */
    @Override
    public void close() {
        if (process.isAlive()) {
            removeContainers();
            process.destroy();
            awaitEnd();
        }
    }
}
