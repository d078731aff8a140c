package dev.purser.tui.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.purser.tui.it.InProcessDaemon.Result;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * purser's own CLI for published ports: {@code -p}, {@code -P} and {@code --expose} reach the
 * daemon as docker sends them, and {@code ps}'s PORTS column and {@code port} print what the
 * stock docker CLI prints for the same containers, errors included.
 */
class PortsCliIT {
    private static final String WEB = "mkdir -p /www && echo hello from web > /www/index.html && exec httpd -f -p 80 -h /www";
    static InProcessDaemon daemon;
    private final List<String> started = new ArrayList<>();

    @BeforeAll
    static void startDaemon() {
        daemon = InProcessDaemon.start();
        daemon.importBusybox();
    }

    @AfterAll
    static void stopDaemon() {
        daemon.close();
    }

    @AfterEach
    void removeContainers() {
        started.forEach(id -> daemon.purser("rm", "-f", id));
    }

    private static Result purser(String... args) {
        Result r = daemon.purser(args);
        assertThat(r.exitCode()).as(String.join(" ", args) + ": " + r.err()).isZero();
        return r;
    }

    /** The stock docker CLI against the same daemon. */
    private static Result docker(String... args) {
        List<String> cmd = new ArrayList<>(List.of("docker"));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().put("DOCKER_HOST", daemon.host());
        pb.environment().put("DOCKER_CONFIG", daemon.root().resolve("docker-config").toString());
        pb.environment().remove("DOCKER_CONTEXT");
        try {
            Process p = pb.start();
            p.getOutputStream().close();
            byte[] err = p.getErrorStream().readAllBytes();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            p.waitFor(60, TimeUnit.SECONDS);
            return new Result(p.exitValue(), out, new String(err, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private String web(String... publish) {
        List<String> args = new ArrayList<>(List.of("run", "-d"));
        args.addAll(List.of(publish));
        args.addAll(List.of("busybox", "sh", "-c", WEB));
        String id = purser(args.toArray(String[]::new)).outLine();
        started.add(id);
        return id;
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static String get(int port) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            try {
                HttpURLConnection c = (HttpURLConnection) URI.create("http://127.0.0.1:" + port + "/").toURL().openConnection();
                c.setConnectTimeout(2000);
                c.setReadTimeout(5000);
                try (InputStream in = c.getInputStream()) {
                    return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
                }
            } catch (IOException e) {
                Thread.sleep(50); // the server in the container is not listening yet
            }
        }
        throw new AssertionError("no answer on 127.0.0.1:" + port);
    }

    @Test
    void publishedPortAnswersOnLoopback() throws Exception {
        int port = freePort();
        web("-p", port + ":80");
        assertThat(get(port)).isEqualTo("hello from web");
    }

    @Test
    void publishAllWithExposeGetsAFreePortThatPortReports() throws Exception {
        String id = web("-P", "--expose", "80");
        String line = purser("port", id, "80").out().lines().findFirst().orElseThrow();
        assertThat(line).startsWith("0.0.0.0:");
        assertThat(get(Integer.parseInt(line.substring("0.0.0.0:".length())))).isEqualTo("hello from web");
    }

    @Test
    void psPortsColumnIsDockers() throws Exception {
        int port = freePort();
        String id = web("-p", port + ":80", "-p", "127.0.0.1:" + freePort() + ":81/udp", "--expose", "90-92");
        String[] format = {"ps", "--filter", "id=" + id, "--format", "{{.Ports}}"};
        assertThat(purser(format).out()).isEqualTo(docker(format).out()).contains("0.0.0.0:" + port + "->80/tcp");
    }

    @Test
    void psGroupsPortsPublishedOnTheirOwnNumbersAsDockerDoes() throws Exception {
        int port = freePort();
        String id = web("-p", port + ":" + port, "--expose", "90-92");
        String[] format = {"ps", "--filter", "id=" + id, "--format", "{{.Ports}}"};
        assertThat(purser(format).out()).isEqualTo(docker(format).out());
    }

    @Test
    void portListsEveryMappingAsDocker() throws Exception {
        int port = freePort();
        String id = web("-p", port + ":80", "-p", "127.0.0.1:" + freePort() + ":81/udp");
        assertThat(purser("port", id).out()).isEqualTo(docker("port", id).out()).contains("80/tcp -> 0.0.0.0:" + port);
    }

    @Test
    void portOfOnePortIsItsHostAddresses() throws Exception {
        int port = freePort();
        String id = web("-p", port + ":80");
        assertThat(purser("port", id, "80/tcp").out()).isEqualTo("0.0.0.0:" + port + "\n[::]:" + port + "\n");
    }

    @Test
    void portNotPublishedIsDockersError() throws Exception {
        String id = web("--expose", "80");
        Result mine = daemon.purser("port", id, "80");
        Result theirs = docker("port", id, "80");
        assertThat(mine.exitCode()).isEqualTo(theirs.exitCode()).isEqualTo(1);
        assertThat(mine.err()).isEqualTo(theirs.err()).contains("No public port '80' published for " + id);
    }

    @Test
    void portThatIsNoNumberIsDockersError() throws Exception {
        String id = web();
        Result mine = daemon.purser("port", id, "http");
        assertThat(mine.exitCode()).isEqualTo(1);
        assertThat(mine.err()).isEqualTo(docker("port", id, "http").err());
    }

    @Test
    void badPublishSpecIsRefusedWith125AndCreatesNothing() {
        Result r = daemon.purser("run", "--rm", "-p", "80:99999", "busybox", "true");
        assertThat(r.exitCode()).isEqualTo(125);
        assertThat(r.err()).startsWith("purser: invalid containerPort: 99999");
        assertThat(daemon.purser("ps", "-aq").out()).isEmpty();
    }

    @Test
    void badHostAddressIsRefusedWith125() {
        Result r = daemon.purser("run", "--rm", "-p", "1.2.3:80:80", "busybox", "true");
        assertThat(r.exitCode()).isEqualTo(125);
        assertThat(r.err()).startsWith("purser: invalid IP address: 1.2.3");
    }

    @Test
    void exposeWithAHostPortIsRefusedWith125() {
        Result r = daemon.purser("run", "--rm", "--expose", "8080:80", "busybox", "true");
        assertThat(r.exitCode()).isEqualTo(125);
        assertThat(r.err()).startsWith("purser: invalid port format for --expose: 8080:80");
    }

    @Test
    void portAlreadyAllocatedIsDockersStartError() throws Exception {
        int port = freePort();
        web("-p", port + ":80");
        Result r = daemon.purser("run", "-d", "--name", "second", "-p", port + ":80", "busybox", "sleep", "60");
        started.add("second");
        assertThat(r.exitCode()).isEqualTo(125);
        assertThat(r.err()).contains("Bind for 0.0.0.0:" + port + " failed: port is already allocated");
    }

    @Test
    void ipv6HostAddressInBracketsIsPublishedThere() throws Exception {
        int port = freePort();
        String id = web("-p", "[::1]:" + port + ":80");
        assertThat(purser("port", id).out()).isEqualTo("80/tcp -> [::1]:" + port + "\n");
    }
}
