package dev.purser.engine.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.purser.engine.testing.DaemonProcess;
import dev.purser.engine.testing.RawHttp;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A spawned daemon's early listener (docs/decisions/0055): {@link Daemon#HOLD_SERVER_PROPERTY}
 * keeps the API server from starting until the test says so, so what the test sees meanwhile is
 * the early listener's, and a docker CLI that connected to it is served once the server listens.
 */
class EarlyListenerIT {
    Path dir;
    Path release;
    DaemonProcess daemon;

    @BeforeEach
    void createDirectory() throws Exception {
        dir = Files.createDirectories(Path.of("/tmp/purser-it", "early-" + UUID.randomUUID().toString().substring(0, 8)));
        release = dir.resolve("start-the-server");
    }

    @AfterEach
    void stopDaemon() throws Exception {
        if (daemon != null) {
            Files.writeString(release, "");
            daemon.close();
        }
    }

    private Map<String, String> held() {
        return Map.of(Daemon.HOLD_SERVER_PROPERTY, release.toString());
    }

    /**
     * Connections the early listener accepted and that are still open: each shows, in
     * /proc/net/unix, the name the listener was bound under, connected (state 03).
     */
    private long earlyConnections() {
        String bound = "/.early-" + daemon.pid() + ".sock";
        try {
            return Files.readAllLines(Path.of("/proc/net/unix")).stream()
                    .map(line -> line.trim().split("\\s+"))
                    .filter(f -> f.length >= 8 && f[5].equals("03") && f[7].endsWith(bound))
                    .count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void pingIsAnsweredBeforeTheApiServerStarts() {
        daemon = DaemonProcess.startUntilPing(dir, held());

        RawHttp.Response ping = RawHttp.exchange(daemon.socket(), "HEAD", "/_ping", null, null);

        assertThat(ping.status()).isEqualTo(200);
        assertThat(ping.header("Api-Version")).isEqualTo(Exchange.API_VERSION);
        assertThat(Files.exists(release)).as("the server was still held").isFalse();
    }

    @Test
    void aDockerRunThatConnectedBeforeTheServerStartedGetsItsOutputOnceItHas() throws Exception {
        daemon = DaemonProcess.start(dir, Map.of());
        daemon.importBusybox();
        daemon.kill();
        daemon.launchUntilPing(held());

        CompletableFuture<DaemonProcess.Result> run = CompletableFuture.supplyAsync(
                () -> daemon.docker("run", "--rm", "busybox", "echo", "relayed"));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (earlyConnections() == 0 && System.nanoTime() < deadline && !run.isDone()) {
            Thread.sleep(10); // between looks at the condition, not instead of one
        }
        assertThat(earlyConnections()).as("the CLI is connected to the early listener").isPositive();
        Files.writeString(release, "");

        DaemonProcess.Result r = run.get(120, TimeUnit.SECONDS);
        assertThat(r.exitCode()).as(r.out()).isZero();
        assertThat(r.line()).isEqualTo("relayed");
    }
}
