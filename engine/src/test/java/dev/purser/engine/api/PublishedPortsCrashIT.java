package dev.purser.engine.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.purser.engine.testing.DaemonProcess;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A daemon killed outright (SIGKILL) while a container's port is published: its listening
 * socket dies with it (no stage or container inherited it), nothing listens after the daemon
 * comes back, and the container, started again, is published again.
 */
class PublishedPortsCrashIT {
    private static final String WEB = "mkdir -p /www && echo hello from web > /www/index.html && exec httpd -f -p 80 -h /www";
    DaemonProcess daemon;

    @BeforeEach
    void startDaemon() {
        daemon = DaemonProcess.start(Path.of("/tmp/purser-it", "ports-crash-" + UUID.randomUUID().toString().substring(0, 8)),
                Map.of());
        daemon.importBusybox();
    }

    @AfterEach
    void stopDaemon() {
        daemon.close();
    }

    /** Waits (20 s at most) until nothing listens on the port; false if something still does. */
    private static boolean becomesFree(int port) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            if (PublishedPortsIT.free(port)) return true;
            Thread.sleep(50);
        }
        return false;
    }

    @Test
    void nothingListensAfterTheDaemonIsKilledAndComesBack() throws Exception {
        int port = PublishedPortsIT.freePort();
        DaemonProcess.Result run = daemon.docker("run", "-d", "--name", "web", "-p", port + ":80", "busybox", "sh", "-c", WEB);
        assertThat(run.exitCode()).as(run.out()).isZero();
        assertThat(PublishedPortsIT.get("127.0.0.1", port)).isEqualTo("hello from web");

        daemon.kill();
        daemon.awaitEnd();
        assertThat(becomesFree(port)).isTrue();

        daemon.launch(Map.of());
        assertThat(PublishedPortsIT.free(port)).isTrue();
        assertThat(daemon.docker("inspect", "-f", "{{.State.Running}} {{json .NetworkSettings.Ports}}", "web").line())
                .isEqualTo("false {}");
    }

    @Test
    void containerStartedAfterTheDaemonCameBackIsPublishedAgain() throws Exception {
        int port = PublishedPortsIT.freePort();
        assertThat(daemon.docker("run", "-d", "--name", "web", "-p", port + ":80", "busybox", "sh", "-c", WEB).exitCode()).isZero();
        PublishedPortsIT.get("127.0.0.1", port);
        daemon.kill();
        daemon.awaitEnd();
        daemon.launch(Map.of());

        assertThat(daemon.docker("start", "web").exitCode()).isZero();
        assertThat(PublishedPortsIT.get("127.0.0.1", port)).isEqualTo("hello from web");
    }
}
