package dev.purser.engine.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.purser.engine.network.Link;
import dev.purser.engine.network.RouteSocket;
import dev.purser.engine.runtime.Linux;
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

/** The default bridge through a real daemon and the stock docker CLI, and after the daemon is SIGKILLed. */
class BridgeDaemonIT {
    private static final Linux LINUX = new Linux();
    Path root;
    Path socket;
    Process daemon;

    @BeforeEach
    void startDaemon() throws Exception {
        root = Files.createDirectories(Path.of("/tmp/purser-it", "bridge-" + UUID.randomUUID().toString().substring(0, 8)));
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

    private static List<String> hostVeths() {
        try (RouteSocket host = RouteSocket.inHost(LINUX)) {
            return host.links().stream().filter(l -> l.kind().equals("veth")).map(Link::name).sorted().toList();
        }
    }

    @Test
    void dockerInspectShowsTheAddressTheContainerHas() {
        docker("run", "-d", "--name", "web", "busybox", "sleep", "1000");
        String ip = docker("inspect", "-f", "{{.NetworkSettings.IPAddress}}", "web").out;
        assertThat(ip).matches("\\d+\\.\\d+\\.\\d+\\.\\d+");
        String inside = docker("exec", "web", "ip", "-o", "-4", "addr", "show", "eth0").out;
        assertThat(inside).contains("inet " + ip + "/");
    }

    @Test
    void inspectFillsDockersBridgeFields() throws IOException {
        docker("run", "-d", "--name", "web", "busybox", "sleep", "1000");
        JsonNode net = new ObjectMapper().readTree(docker("inspect", "web").out).get(0).get("NetworkSettings");
        String ip = net.get("IPAddress").asText();
        JsonNode bridge = net.get("Networks").get("bridge");
        assertThat(net.get("IPPrefixLen").asInt()).isEqualTo(16);
        assertThat(net.get("Gateway").asText()).isEqualTo(bridge.get("Gateway").asText()).endsWith(".0.1");
        assertThat(net.get("MacAddress").asText()).isEqualTo(bridge.get("MacAddress").asText()).startsWith("02:42:");
        assertThat(net.get("EndpointID").asText()).hasSize(64).isEqualTo(bridge.get("EndpointID").asText());
        assertThat(bridge.get("IPAddress").asText()).isEqualTo(ip);
        assertThat(bridge.get("IPPrefixLen").asInt()).isEqualTo(16);
        assertThat(bridge.get("NetworkID").asText()).hasSize(64);
        assertThat(net.get("SandboxKey").asText()).startsWith("/proc/").endsWith("/ns/net");
    }

    @Test
    void stoppedContainerShowsNoAddress() {
        docker("run", "-d", "--name", "web", "busybox", "sleep", "1000");
        docker("stop", "-t", "0", "web");
        assertThat(docker("inspect", "-f", "[{{.NetworkSettings.IPAddress}}]", "web").out).isEqualTo("[]");
    }

    @Test
    void daemonSigkillLeavesNoVethAndNoLeaseBehind() throws Exception {
        List<String> before = hostVeths();
        for (String name : List.of("net-a", "net-b", "net-c")) {
            Result run = docker("run", "-d", "--name", name, "busybox", "sleep", "1000");
            assertThat(run.exitCode).as(run.out).isZero();
        }
        // this daemon's veths: other engines on the host may add and remove theirs meanwhile
        java.util.Set<String> ours = new java.util.HashSet<>(hostVeths());
        ours.removeAll(before);
        assertThat(ours).hasSizeGreaterThanOrEqualTo(3);
        daemon.destroyForcibly();
        daemon.waitFor(30, TimeUnit.SECONDS);
        daemon = launch();
        assertThat(hostVeths()).doesNotContainAnyElementsOf(ours);
        JsonNode leases = new ObjectMapper().readTree(root.resolve("state/network/bridge-leases.json").toFile());
        assertThat(leases).isEmpty();
        Result start = docker("start", "net-a");
        assertThat(start.exitCode).as(start.out).isZero();
        assertThat(docker("inspect", "-f", "{{.NetworkSettings.IPAddress}}", "net-a").out).isNotEmpty();
    }

    @Test
    void dockerNetworkLsShowsThePredefinedNetworks() {
        Result ls = docker("network", "ls", "--format", "{{.Name}} {{.Driver}} {{.Scope}}");
        assertThat(ls.out.lines()).as(ls.out).containsExactlyInAnyOrder("bridge bridge local", "host host local", "none null local");
    }

    @Test
    void dockerNetworkInspectShowsTheBridgeSubnetAndItsContainers() {
        docker("run", "-d", "--name", "web", "busybox", "sleep", "1000");
        String ip = docker("inspect", "-f", "{{.NetworkSettings.IPAddress}}", "web").out;
        Result inspect = docker("network", "inspect", "-f",
                "{{range .IPAM.Config}}{{.Subnet}} {{.Gateway}}{{end}} {{range .Containers}}{{.Name}} {{.IPv4Address}}{{end}}", "bridge");
        assertThat(inspect.out).as(inspect.out).matches("\\d+\\.\\d+\\.0\\.0/16 \\d+\\.\\d+\\.0\\.1 web " + ip.replace(".", "\\.") + "/16");
    }

    @Test
    void unknownNetworkIsNotFound() {
        Result inspect = docker("network", "inspect", "nosuchnet");
        assertThat(inspect.exitCode).isEqualTo(1);
        assertThat(inspect.out).contains("network nosuchnet not found");
    }
}
