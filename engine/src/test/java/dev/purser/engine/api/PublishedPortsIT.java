package dev.purser.engine.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.purser.engine.testing.BusyboxImage;
import dev.purser.engine.testing.TestDaemon;
import dev.purser.engine.testing.TestDaemon.Result;
import java.io.IOException;
import java.io.InputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Published ports (issue 13): {@code -p}, {@code -P} and {@code --expose} through the stock docker
 * CLI and the raw API, the daemon's userland proxy carrying TCP and UDP to the container's
 * address on the default bridge, Docker's "port is already allocated", and nothing left listening once a container
 * stops, is removed or fails to start. Host ports are found free at test time, so that tests
 * running at once on one machine do not collide.
 */
class PublishedPortsIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String WEB = "mkdir -p /www && echo hello from web > /www/index.html && exec httpd -f -p 80 -h /www";
    static final String UDP_IMAGE = "udp-echo:test";
    /** A busybox httpd whose /cgi-bin/peer answers with the client's address as the container sees it. */
    static final String PEER_CGI = "mkdir -p /www/cgi-bin && printf '#!/bin/sh\\necho Content-Type: text/plain\\necho\\necho $REMOTE_ADDR\\n'"
            + " > /www/cgi-bin/peer && chmod +x /www/cgi-bin/peer";
    static TestDaemon daemon;
    static UnixHttp http;
    private final List<String> started = new ArrayList<>();

    @BeforeAll
    static void startDaemon() throws IOException, InterruptedException {
        daemon = TestDaemon.start();
        http = new UnixHttp(daemon.socket());
        importUdpEcho(daemon);
    }

    /** Imports {@link #UDP_IMAGE}: busybox and src/test/c/udp-echo.c, built static now. */
    static void importUdpEcho(TestDaemon daemon) throws IOException, InterruptedException {
        Path echo = daemon.engine().root().resolve("udp-echo");
        Process gcc = new ProcessBuilder("gcc", "-static", "-O2", "-o", echo.toString(), "src/test/c/udp-echo.c")
                .redirectErrorStream(true).start();
        String out = new String(gcc.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!gcc.waitFor(120, TimeUnit.SECONDS) || gcc.exitValue() != 0) {
            throw new AssertionError("gcc udp-echo.c: " + out);
        }
        Path tar = daemon.engine().root().resolve("udp-echo.tar");
        Files.write(tar, BusyboxImage.rootfsTar(Map.of("bin/udp-echo", Files.readAllBytes(echo))));
        assertThat(daemon.docker("import", tar.toString(), UDP_IMAGE).exitCode()).isZero();
    }

    @AfterAll
    static void stopDaemon() {
        daemon.close();
    }

    @AfterEach
    void removeContainers() {
        for (String id : started) {
            daemon.docker("rm", "-f", id);
        }
    }

    private static Result docker(String... args) {
        Result r = daemon.docker(args);
        assertThat(r.exitCode()).as(String.join(" ", args) + ": " + r.err()).isZero();
        return r;
    }

    /** Starts a detached container, removed after the test. */
    private String run(String... args) {
        List<String> all = new ArrayList<>(List.of("run", "-d"));
        all.addAll(List.of(args));
        String id = docker(all.toArray(String[]::new)).outLine();
        started.add(id);
        return id;
    }

    private String web(String... publish) {
        List<String> args = new ArrayList<>(List.of(publish));
        args.addAll(List.of("busybox", "sh", "-c", WEB));
        return run(args.toArray(String[]::new));
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    /** The page at {@code host:port}, asked for again until the container's server answers (20 s at most). */
    static String get(String host, int port) throws InterruptedException {
        return get(host, port + "/");
    }

    /** {@code portAndPath} is the port and the path: {@code 8080/cgi-bin/peer}. */
    static String get(String host, String portAndPath) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        IOException last = null;
        while (System.nanoTime() < deadline) {
            try {
                HttpURLConnection c = (HttpURLConnection) URI.create("http://" + host + ":" + portAndPath).toURL().openConnection();
                c.setConnectTimeout(2000);
                c.setReadTimeout(5000);
                try (InputStream in = c.getInputStream()) {
                    return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
                } finally {
                    c.disconnect();
                }
            } catch (IOException e) {
                last = e; // the server in the container is not listening yet: the proxy closed the connection
                Thread.sleep(50);
            }
        }
        throw new AssertionError("no answer on " + host + ":" + portAndPath, last);
    }

    /** True when nothing listens on the port at any address: binding the wildcard address succeeds. */
    static boolean free(int port) {
        try (ServerSocket s = new ServerSocket()) {
            s.bind(new InetSocketAddress(port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static JsonNode inspect(String id) throws IOException {
        return JSON.readTree(docker("inspect", id).out()).get(0);
    }

    @Test
    void publishedPortAnswersOnLoopback() throws Exception {
        int port = freePort();
        web("-p", port + ":80");
        assertThat(get("127.0.0.1", port)).isEqualTo("hello from web");
    }

    @Test
    void publishedPortAnswersOnIpv6Loopback() throws Exception {
        int port = freePort();
        web("-p", port + ":80");
        assertThat(get("[::1]", port)).isEqualTo("hello from web");
    }

    /** The proxy connects from the host to the container's bridge address, as Docker's (docs/decisions/0050). */
    @Test
    void containerSeesTheBridgeGatewayAsTheClient() throws Exception {
        int port = freePort();
        String id = run("-p", port + ":80", "busybox", "sh", "-c", PEER_CGI + " && exec httpd -f -p 80 -h /www");
        String gateway = docker("inspect", "-f", "{{.NetworkSettings.Gateway}}", id).outLine();
        assertThat(gateway).isNotEmpty();
        // busybox httpd listens on a dual-stack socket: it writes an IPv4 client as [::ffff:A.B.C.D]
        assertThat(get("127.0.0.1", port + "/cgi-bin/peer")).isEqualTo("[::ffff:" + gateway + "]");
    }

    @Test
    void portBoundToOneAddressAnswersThereOnly() throws Exception {
        int port = freePort();
        String id = web("-p", "127.0.0.1:" + port + ":80");
        assertThat(get("127.0.0.1", port)).isEqualTo("hello from web");
        assertThat(docker("port", id).outLine()).isEqualTo("80/tcp -> 127.0.0.1:" + port);
    }

    @Test
    void publishAllGivesEveryExposedPortAFreeHostPort() throws Exception {
        String id = web("-P", "--expose", "80");
        String[] lines = docker("port", id, "80").out().strip().split("\n");
        assertThat(lines[0]).startsWith("0.0.0.0:");
        int port = Integer.parseInt(lines[0].substring("0.0.0.0:".length()));
        assertThat(get("127.0.0.1", port)).isEqualTo("hello from web");
    }

    @Test
    void containerPortAloneGetsAPortOfTheEphemeralRange() throws Exception {
        String id = web("-p", "80");
        String[] range = Files.readAllLines(Path.of("/proc/sys/net/ipv4/ip_local_port_range")).get(0).trim().split("\\s+");
        String line = docker("port", id, "80/tcp").out().strip().split("\n")[0];
        int port = Integer.parseInt(line.substring(line.lastIndexOf(':') + 1));
        assertThat(port).isBetween(Integer.parseInt(range[0]), Integer.parseInt(range[1]));
        assertThat(get("127.0.0.1", port)).isEqualTo("hello from web");
    }

    @Test
    void udpDatagramsReachTheContainerAndItsAnswersComeBack() throws Exception {
        int port = freePort();
        run("-p", port + ":5353/udp", UDP_IMAGE, "udp-echo", "5353");
        try (DatagramSocket s = new DatagramSocket()) {
            s.setSoTimeout(500);
            byte[] ping = "ping".getBytes(StandardCharsets.US_ASCII);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            String answer = null;
            while (answer == null && System.nanoTime() < deadline) {
                s.send(new DatagramPacket(ping, ping.length, InetAddress.getLoopbackAddress(), port));
                DatagramPacket in = new DatagramPacket(new byte[100], 100);
                try {
                    s.receive(in);
                    answer = new String(in.getData(), 0, in.getLength(), StandardCharsets.US_ASCII);
                } catch (SocketTimeoutException e) {
                    // the echo server was not bound yet: that datagram was lost, send again
                }
            }
            assertThat(answer).isEqualTo("echo:ping");
        }
    }

    @Test
    void hostPortHeldByAnotherContainerIsAlreadyAllocated() throws Exception {
        int port = freePort();
        web("-p", port + ":80");
        Result second = daemon.docker("run", "-d", "--name", "second-" + port, "-p", port + ":80", "busybox", "sleep", "60");
        started.add("second-" + port);
        assertThat(second.exitCode()).isEqualTo(125);
        assertThat(second.err()).contains("Bind for 0.0.0.0:" + port + " failed: port is already allocated");
        assertThat(inspect("second-" + port).path("State").path("Running").asBoolean()).isFalse();
        assertThat(get("127.0.0.1", port)).isEqualTo("hello from web");
    }

    @Test
    void stoppedContainerLeavesNothingListening() throws Exception {
        int port = freePort();
        String id = web("-p", port + ":80");
        get("127.0.0.1", port);
        docker("stop", "-t", "1", id);
        assertThat(free(port)).isTrue();
        assertThat(inspect(id).path("NetworkSettings").path("Ports").size()).isZero();
    }

    @Test
    void removedContainerLeavesNothingListening() throws Exception {
        int port = freePort();
        String id = web("-p", port + ":80");
        get("127.0.0.1", port);
        docker("rm", "-f", id);
        assertThat(free(port)).isTrue();
    }

    @Test
    void failedStartLeavesNothingListening() throws Exception {
        int port = freePort();
        Result r = daemon.docker("run", "-d", "--name", "nocommand-" + port, "-p", port + ":80", "busybox", "no-such-command");
        started.add("nocommand-" + port);
        assertThat(r.exitCode()).isEqualTo(127);
        assertThat(free(port)).isTrue();
    }

    @Test
    void restartedContainerIsPublishedAgain() throws Exception {
        int port = freePort();
        String id = web("-p", port + ":80");
        get("127.0.0.1", port);
        docker("restart", "-t", "1", id);
        assertThat(get("127.0.0.1", port)).isEqualTo("hello from web");
    }

    @Test
    void psShowsPublishedAndExposedPortsAsDocker() throws Exception {
        int port = freePort();
        String id = web("-p", port + ":80", "--expose", "90");
        assertThat(docker("ps", "--filter", "id=" + id, "--format", "{{.Ports}}").outLine())
                .isEqualTo("90/tcp, 0.0.0.0:" + port + "->80/tcp, [::]:" + port + "->80/tcp");
    }

    @Test
    void listShowsEachBindingAndEachExposedPort() throws Exception {
        int port = freePort();
        String id = web("-p", port + ":80", "--expose", "90/udp");
        UnixHttp.Response r = http.send("GET", "/v1.41/containers/json?filters=" + java.net.URLEncoder.encode(
                "{\"id\":[\"" + id + "\"]}", StandardCharsets.UTF_8), "");
        JsonNode ports = JSON.readTree(r.body()).get(0).get("Ports");
        assertThat(ports.toString()).isEqualTo("[{\"IP\":\"0.0.0.0\",\"PrivatePort\":80,\"PublicPort\":" + port
                + ",\"Type\":\"tcp\"},{\"IP\":\"::\",\"PrivatePort\":80,\"PublicPort\":" + port
                + ",\"Type\":\"tcp\"},{\"PrivatePort\":90,\"Type\":\"udp\"}]");
    }

    @Test
    void inspectShowsTheBindingsAsAskedAndAsBound() throws Exception {
        int port = freePort();
        String id = web("-p", port + ":80", "--expose", "90");
        JsonNode c = inspect(id);
        assertThat(c.path("HostConfig").path("PortBindings").toString())
                .isEqualTo("{\"80/tcp\":[{\"HostIp\":\"\",\"HostPort\":\"" + port + "\"}]}");
        assertThat(c.path("Config").path("ExposedPorts").toString()).isEqualTo("{\"80/tcp\":{},\"90/tcp\":{}}");
        assertThat(c.path("NetworkSettings").path("Ports").toString()).isEqualTo("{\"80/tcp\":[{\"HostIp\":\"0.0.0.0\",\"HostPort\":\""
                + port + "\"},{\"HostIp\":\"::\",\"HostPort\":\"" + port + "\"}],\"90/tcp\":null}");
    }

    @Test
    void dockerPortListsEveryBinding() throws Exception {
        int port = freePort();
        String id = web("-p", port + ":80");
        assertThat(docker("port", id).out().strip()).isEqualTo("80/tcp -> 0.0.0.0:" + port + "\n80/tcp -> [::]:" + port);
    }

    @Test
    void hostPortRangeGivesTheFirstFreePortOfTheRange() throws Exception {
        int port = freePort();
        web("-p", port + ":80");
        String second = web("-p", port + "-" + (port + 1) + ":80");
        assertThat(docker("port", second, "80").out().strip().split("\n")[0]).isEqualTo("0.0.0.0:" + (port + 1));
    }

    @Test
    void hostNetworkDiscardsPublishedPortsWithDockersWarning() throws Exception {
        int port = freePort();
        Result r = docker("run", "--rm", "--net", "host", "-p", port + ":80", "busybox", "true");
        assertThat(r.err()).contains("Published ports are discarded when using host network mode");
    }

    @Test
    void containerPortThatIsNoNumberIsRefusedWith400() throws IOException {
        UnixHttp.Response r = create(b -> b.putObject("HostConfig").putObject("PortBindings").putArray("8o/tcp").addObject()
                .put("HostIp", "").put("HostPort", "8080"));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.body()).contains("invalid port specification: \\\"8o\\\"");
    }

    @Test
    void hostPortThatIsNoNumberIsRefusedWith400() throws IOException {
        UnixHttp.Response r = create(b -> b.putObject("HostConfig").putObject("PortBindings").putArray("80/tcp").addObject()
                .put("HostIp", "").put("HostPort", "eighty"));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.body()).contains("invalid port specification: \\\"eighty\\\"");
    }

    @Test
    void hostAddressThatIsNoAddressIsRefusedWith400() throws IOException {
        UnixHttp.Response r = create(b -> b.putObject("HostConfig").putObject("PortBindings").putArray("80/tcp").addObject()
                .put("HostIp", "localhost").put("HostPort", "8080"));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.body()).contains("invalid IP address: localhost");
    }

    @Test
    void dockerCliRefusesABadPublishSpecWith125() {
        Result r = daemon.docker("run", "--rm", "-p", "80:99999", "busybox", "true");
        assertThat(r.exitCode()).isEqualTo(125);
        assertThat(r.err()).contains("invalid containerPort: 99999");
    }

    private UnixHttp.Response create(java.util.function.Consumer<ObjectNode> change) throws IOException {
        ObjectNode body = JSON.createObjectNode();
        body.put("Image", "busybox");
        body.putArray("Cmd").add("true");
        change.accept(body);
        int before = docker("ps", "-aq").out().lines().toList().size();
        UnixHttp.Response r = http.send("POST", "/v1.41/containers/create", body.toString());
        assertThat(docker("ps", "-aq").out().lines().toList()).hasSize(before);
        return r;
    }
}
