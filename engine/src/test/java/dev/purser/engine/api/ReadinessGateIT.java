package dev.purser.engine.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.purser.engine.testing.DaemonProcess;
import dev.purser.engine.testing.RawHttp;
import java.nio.charset.StandardCharsets;
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
 * The daemon's socket answers {@code /_ping} while its engine still opens, reads once the state
 * is loaded and true, and every other request once the crash recovery has finished, instead of
 * being answered from half-loaded state (docs/decisions/0040, 0058). The daemon is a process of
 * its own, killed with SIGKILL; {@link Daemon#HOLD_PROPERTY} keeps its engine from opening, and
 * {@link Daemon#HOLD_RECOVERY_PROPERTY} its recovery from finishing, until the test says so, so
 * each request is known to have come before that step.
 */
class ReadinessGateIT {
    Path dir;
    Path release;
    DaemonProcess daemon;

    @BeforeEach
    void createDirectory() throws Exception {
        dir = Files.createDirectories(Path.of("/tmp/purser-it", "gate-" + UUID.randomUUID().toString().substring(0, 8)));
        release = dir.resolve("open-the-engine");
    }

    @AfterEach
    void stopDaemon() throws Exception {
        if (daemon != null) {
            Files.writeString(release, "");
            daemon.close();
        }
    }

    private Map<String, String> held() {
        return Map.of(Daemon.HOLD_PROPERTY, release.toString());
    }

    private void releaseTheEngine() {
        try {
            Files.writeString(release, "");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The docker CLI, run on another thread: its request is held by the gate until the engine opens. */
    private CompletableFuture<DaemonProcess.Result> dockerLater(String... args) {
        return CompletableFuture.supplyAsync(() -> daemon.docker(args));
    }

    @Test
    void pingIsAnsweredWhileTheEngineIsStillOpening() {
        daemon = DaemonProcess.startUntilPing(dir, held());

        RawHttp.Response ping = RawHttp.exchange(daemon.socket(), "GET", "/_ping", null, null);

        assertThat(ping.status()).isEqualTo(200);
        assertThat(ping.bodyText()).isEqualTo("OK");
        assertThat(Files.exists(release)).as("the engine was still held").isFalse();
    }

    @Test
    void inspectMadeBeforeTheEngineOpenedGetsTheRecoveredStateOfAContainerRunningAtTheCrash() throws Exception {
        daemon = DaemonProcess.start(dir, Map.of());
        daemon.importBusybox();
        assertThat(daemon.docker("run", "-d", "--name", "web", "busybox", "sleep", "1000").exitCode()).isZero();
        assertThat(daemon.docker("inspect", "-f", "{{.State.Status}}", "web").line()).isEqualTo("running");
        daemon.kill();

        daemon.launchUntilPing(held());
        CompletableFuture<DaemonProcess.Result> inspect = dockerLater("inspect", "-f", "{{.State.Status}} {{.State.Running}} {{.State.ExitCode}}", "web");
        Files.writeString(release, "");

        DaemonProcess.Result r = inspect.get(120, TimeUnit.SECONDS);
        assertThat(r.exitCode()).as(r.out()).isZero();
        assertThat(r.line()).isEqualTo("exited false 137");
    }

    @Test
    void aRequestMadeBeforeTheEngineOpenedIsServedByTheEngineOnceItIs() throws Exception {
        daemon = DaemonProcess.start(dir, Map.of());
        daemon.importBusybox();
        assertThat(daemon.docker("create", "--name", "made-before", "busybox", "true").exitCode()).isZero();
        daemon.kill();

        daemon.launchUntilPing(held());
        CompletableFuture<DaemonProcess.Result> ps = dockerLater("ps", "-a", "--format", "{{.Names}}");
        Files.writeString(release, "");

        DaemonProcess.Result r = ps.get(120, TimeUnit.SECONDS);
        assertThat(r.exitCode()).as(r.out()).isZero();
        assertThat(r.line()).isEqualTo("made-before");
    }

    @Test
    void aReadMadeWhileTheRecoveryFinishesIsServedAndAChangeWaitsForTheRecovery() throws Exception {
        daemon = DaemonProcess.start(dir, Map.of());
        daemon.importBusybox();
        assertThat(daemon.docker("create", "--name", "kept", "busybox", "true").exitCode()).isZero();
        assertThat(daemon.docker("run", "-d", "--name", "web", "busybox", "sleep", "1000").exitCode()).isZero();
        daemon.kill();

        daemon.launchUntilPing(Map.of(Daemon.HOLD_RECOVERY_PROPERTY, release.toString()));
        CompletableFuture<DaemonProcess.Result> rm = dockerLater("rm", "kept");
        DaemonProcess.Result inspect = daemon.docker("inspect", "-f", "{{.State.Status}} {{.State.ExitCode}}", "web");
        DaemonProcess.Result ps = daemon.docker("ps", "-a", "--format", "{{.Names}}");

        assertThat(Files.exists(release)).as("the recovery was still held").isFalse();
        assertThat(inspect.line()).isEqualTo("exited 137");
        assertThat(ps.out()).contains("kept");
        assertThat(rm).as("the removal waits for the recovery").isNotDone();
        Files.writeString(release, "");
        DaemonProcess.Result removed = rm.get(120, TimeUnit.SECONDS);
        assertThat(removed.exitCode()).as(removed.out()).isZero();
        assertThat(daemon.docker("ps", "-a", "--format", "{{.Names}}").out()).doesNotContain("kept");
    }

    @Test
    void aContainerThatRestartsByPolicyRunsWhenTheFirstReadIsAnswered() throws Exception {
        daemon = DaemonProcess.start(dir, Map.of());
        daemon.importBusybox();
        assertThat(daemon.docker("run", "-d", "--name", "always", "--restart", "always", "busybox", "sleep", "1000").exitCode())
                .isZero();
        daemon.kill();

        daemon.launchUntilPing(Map.of(Daemon.HOLD_RECOVERY_PROPERTY, release.toString()));
        DaemonProcess.Result inspect = daemon.docker("inspect", "-f", "{{.State.Status}}", "always");

        assertThat(Files.exists(release)).as("the recovery was still held").isFalse();
        assertThat(inspect.line()).isEqualTo("running");
    }

    @Test
    void aStateThatCannotBeOpenedAnswersTheHeldRequestWithTheReasonAndTheDaemonEnds() throws Exception {
        Path record = dir.resolve("state/containers/" + "a".repeat(64) + "/config.json");
        Files.createDirectories(record.getParent());
        Files.writeString(record, "{ not json", StandardCharsets.UTF_8);
        daemon = DaemonProcess.startUntilPing(dir, held());

        // sent before the engine may open (a docker CLI started on another thread could come after the failure)
        RawHttp.Response r = RawHttp.exchange(daemon.socket(), "GET", "/containers/json?all=1", null, null, this::releaseTheEngine);

        assertThat(r.status()).isEqualTo(500);
        assertThat(r.bodyText()).contains("the purser daemon could not open its state");
        assertThat(daemon.awaitEnd()).isNotZero();
    }
}
