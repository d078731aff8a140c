package dev.purser.tui.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.testcontainers.containers.Container.ExecResult;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.images.ImagePullPolicy;
import org.testcontainers.images.builder.Transferable;
import org.testcontainers.utility.DockerImageName;

/**
 * Testcontainers for Java, the most used Java client of the Docker API, drives purser: a
 * GenericContainer on a local image waits for its log line, reads its logs, runs a command in
 * it, copies files in and out, and stops. Ryuk and the start-up checks need images from
 * Docker Hub, so they are off (TESTCONTAINERS_RYUK_DISABLED, TESTCONTAINERS_CHECKS_DISABLE in
 * the failsafe configuration); the image is never pulled.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class JavaTestcontainersIT {
    /** busybox:latest is imported locally: nothing may be pulled. */
    private static final ImagePullPolicy NEVER_PULL = image -> false;
    static InProcessDaemon daemon;
    static GenericContainer<?> container;

    @BeforeAll
    static void start() {
        daemon = InProcessDaemon.start();
        daemon.importBusybox();
        System.setProperty(PurserTestDaemonStrategy.PROPERTY, daemon.host());
        container = busybox("echo starting; sleep 0.2; echo ready; exec sleep 1000");
        container.start();
    }

    @AfterAll
    static void stop() {
        if (container != null) {
            container.stop();
        }
        System.clearProperty(PurserTestDaemonStrategy.PROPERTY);
        daemon.close();
    }

    private static GenericContainer<?> busybox(String script) {
        return new GenericContainer<>(DockerImageName.parse("busybox:latest"))
                .withImagePullPolicy(NEVER_PULL)
                .withCommand("sh", "-c", script)
                .waitingFor(Wait.forLogMessage("ready\\n", 1).withStartupTimeout(Duration.ofSeconds(30)));
    }

    @Test
    void theLogWaitSeesTheLineAndTheContainerRuns() {
        assertThat(container.isRunning()).isTrue();
        assertThat(daemon.purser("inspect", "-f", "{{.State.Running}}", container.getContainerId()).outLine()).isEqualTo("true");
    }

    @Test
    void getLogsReturnsWhatTheContainerPrinted() {
        assertThat(container.getLogs()).isEqualTo("starting\nready\n");
    }

    @Test
    void execInContainerSeparatesTheStreamsAndReportsTheExitCode() throws Exception {
        ExecResult r = container.execInContainer("sh", "-c", "echo out; echo err >&2; exit 3");
        assertThat(r.getStdout()).isEqualTo("out\n");
        assertThat(r.getStderr()).isEqualTo("err\n");
        assertThat(r.getExitCode()).isEqualTo(3);
    }

    @Test
    void aFileCopiedInIsInTheContainerAndComesBackOut() throws Exception {
        container.copyFileToContainer(Transferable.of("copied in\n"), "/tmp/tc/file.txt");
        assertThat(container.execInContainer("cat", "/tmp/tc/file.txt").getStdout()).isEqualTo("copied in\n");
        String back = container.copyFileFromContainer("/tmp/tc/file.txt", in -> new String(in.readAllBytes(), StandardCharsets.UTF_8));
        assertThat(back).isEqualTo("copied in\n");
    }

    @Test
    void stopRemovesTheContainer() {
        GenericContainer<?> other = busybox("echo ready; exec sleep 1000");
        other.start();
        String id = other.getContainerId();
        other.stop();
        assertThat(daemon.purser("ps", "-a", "-q", "--no-trunc").out()).doesNotContain(id);
    }

    @Test
    void exposedPortIsMappedAndTheHttpWaitReachesIt() throws Exception {
        try (GenericContainer<?> web = new GenericContainer<>(DockerImageName.parse("busybox:latest"))
                .withImagePullPolicy(NEVER_PULL)
                .withCommand("sh", "-c", "mkdir -p /www && echo hello from web > /www/index.html && exec httpd -f -p 80 -h /www")
                .withExposedPorts(80)
                .waitingFor(Wait.forHttp("/").withStartupTimeout(Duration.ofSeconds(30)))) {
            web.start();
            java.net.URL url = java.net.URI.create("http://" + web.getHost() + ":" + web.getMappedPort(80) + "/").toURL();
            try (java.io.InputStream in = url.openStream()) {
                assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("hello from web\n");
            }
        }
    }
}
