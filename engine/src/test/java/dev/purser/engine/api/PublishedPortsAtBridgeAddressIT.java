package dev.purser.engine.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.purser.engine.network.BridgeOptions;
import dev.purser.engine.network.Ipv4Cidr;
import dev.purser.engine.testing.TestDaemon;
import dev.purser.engine.testing.TestDaemon.Result;
import java.io.IOException;
import java.io.InputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.SocketTimeoutException;
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
 * Published ports reach the container at its address on its bridge, as Docker's userland proxy
 * does (docs/decisions/0050): a server bound to that address only is reached, one bound to the
 * container's loopback only is not, and the container sees its bridge's gateway as the client,
 * for TCP and UDP, on the default bridge and on a user-defined network. The daemon's default
 * bridge is one of this test's own with {@code --icc=false}, so every test here also shows that
 * the drop between the bridge's containers leaves the host's path to them open.
 */
class PublishedPortsAtBridgeAddressIT {
    private static final String BRIDGE = "purserit-pa0";
    private static final String GATEWAY = "10.213.60.1";
    private static final String USER_NETWORK = "purserit-pa-net";
    private static final String USER_GATEWAY = "10.213.61.1";
    /** The container's address on its eth0, in the container's shell. */
    private static final String ADDRESS = "$(ip -o -4 addr show eth0 | sed 's/.* inet \\([0-9.]*\\).*/\\1/')";
    private static TestDaemon daemon;
    private final List<String> started = new ArrayList<>();

    @BeforeAll
    static void startDaemon() throws IOException, InterruptedException {
        daemon = TestDaemon.withBridge(BridgeOptions.defaults().withBridgeName(BRIDGE)
                .withBip(Ipv4Cidr.parse(GATEWAY + "/24")).withIcc(false));
        PublishedPortsIT.importUdpEcho(daemon);
        docker("network", "create", "--subnet", "10.213.61.0/24", USER_NETWORK);
        Process rules = new ProcessBuilder("iptables", "-w", "-S", "FORWARD").redirectErrorStream(true).start();
        String forward = new String(rules.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(rules.waitFor(30, TimeUnit.SECONDS)).isTrue();
        // the premise: containers on this bridge cannot reach each other
        assertThat(forward.lines()).anyMatch(l -> l.contains("-i " + BRIDGE + " -o " + BRIDGE) && l.endsWith("-j DROP"));
    }

    @AfterAll
    static void stopDaemon() {
        daemon.docker("network", "rm", USER_NETWORK);
        daemon.close();
        daemon.engine().engine().networks().bridge().remove();
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

    /** busybox httpd bound to the container's bridge address only, with the page and the peer CGI. */
    private String webOnBridgeAddress(String... options) {
        List<String> args = new ArrayList<>(List.of(options));
        args.addAll(List.of("busybox", "sh", "-c", PublishedPortsIT.PEER_CGI
                + " && echo hello from eth0 > /www/index.html && exec httpd -f -p " + ADDRESS + ":80 -h /www"));
        return run(args.toArray(String[]::new));
    }

    @Test
    void serverBoundToTheBridgeAddressOnlyIsReached() throws Exception {
        int port = PublishedPortsIT.freePort();
        webOnBridgeAddress("-p", port + ":80");
        assertThat(PublishedPortsIT.get("127.0.0.1", port)).isEqualTo("hello from eth0");
    }

    @Test
    void containerSeesTheBridgeGatewayAsTheClient() throws Exception {
        int port = PublishedPortsIT.freePort();
        webOnBridgeAddress("-p", port + ":80");
        assertThat(PublishedPortsIT.get("127.0.0.1", port + "/cgi-bin/peer")).isEqualTo(GATEWAY);
    }

    /** As with Docker, whose proxy and NAT target the container's address. */
    @Test
    void serverBoundToTheContainersLoopbackOnlyIsNotReached() throws Exception {
        int port = PublishedPortsIT.freePort();
        String id = run("-p", port + ":80", "busybox", "sh", "-c", "mkdir -p /www && echo hello > /www/index.html"
                + " && httpd -p 127.0.0.1:80 -h /www && wget -q -O - http://127.0.0.1:80/ && echo serving && exec sleep 600");
        awaitLog(id, "serving");
        HttpURLConnection c = (HttpURLConnection) URI.create("http://127.0.0.1:" + port + "/").toURL().openConnection();
        c.setConnectTimeout(5000);
        c.setReadTimeout(10000);
        // the container refuses the proxy's connection: the proxy closes the client's
        assertThatThrownBy(() -> {
            try (InputStream in = c.getInputStream()) {
                in.readAllBytes();
            } finally {
                c.disconnect();
            }
        }).isInstanceOf(IOException.class);
    }

    @Test
    void udpServerBoundToTheBridgeAddressOnlyAnswers() throws Exception {
        int port = PublishedPortsIT.freePort();
        run("-p", port + ":5353/udp", PublishedPortsIT.UDP_IMAGE, "sh", "-c", "exec udp-echo 5353 " + ADDRESS);
        assertThat(ask(port, "ping")).isEqualTo("echo:ping");
    }

    @Test
    void udpServerSeesTheBridgeGatewayAsTheSender() throws Exception {
        int port = PublishedPortsIT.freePort();
        run("-p", port + ":5353/udp", PublishedPortsIT.UDP_IMAGE, "sh", "-c", "exec udp-echo 5353 " + ADDRESS);
        assertThat(ask(port, "who")).isEqualTo("from:" + GATEWAY);
    }

    @Test
    void containerOnAUserNetworkIsReachedAtItsAddressThere() throws Exception {
        int port = PublishedPortsIT.freePort();
        webOnBridgeAddress("--network", USER_NETWORK, "-p", port + ":80");
        assertThat(PublishedPortsIT.get("127.0.0.1", port)).isEqualTo("hello from eth0");
    }

    @Test
    void containerOnAUserNetworkSeesThatNetworksGatewayAsTheClient() throws Exception {
        int port = PublishedPortsIT.freePort();
        webOnBridgeAddress("--network", USER_NETWORK, "-p", port + ":80");
        assertThat(PublishedPortsIT.get("127.0.0.1", port + "/cgi-bin/peer")).isEqualTo(USER_GATEWAY);
    }

    /** Sends {@code message} to the published UDP port until an answer comes (20 s at most: the server may not be bound yet). */
    private static String ask(int port, String message) throws IOException {
        try (DatagramSocket s = new DatagramSocket()) {
            s.setSoTimeout(500);
            byte[] out = message.getBytes(StandardCharsets.US_ASCII);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (System.nanoTime() < deadline) {
                s.send(new DatagramPacket(out, out.length, InetAddress.getLoopbackAddress(), port));
                DatagramPacket in = new DatagramPacket(new byte[100], 100);
                try {
                    s.receive(in);
                    return new String(in.getData(), 0, in.getLength(), StandardCharsets.US_ASCII);
                } catch (SocketTimeoutException e) {
                    // the server was not bound yet: that datagram was lost, send again
                }
            }
            throw new AssertionError("no answer on UDP port " + port);
        }
    }

    private static void awaitLog(String id, String text) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            if (daemon.docker("logs", id).out().contains(text)) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("container " + id + " never printed " + text + ": " + daemon.docker("logs", id).err());
    }
}
