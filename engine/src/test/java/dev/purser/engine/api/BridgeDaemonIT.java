package dev.purser.engine.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.purser.engine.network.Link;
import dev.purser.engine.network.RouteSocket;
import dev.purser.engine.runtime.Linux;
import dev.purser.engine.testing.DaemonProcess;
import dev.purser.engine.testing.DaemonProcess.Result;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The default bridge through a real daemon and the stock docker CLI, and after the daemon is SIGKILLed. */
class BridgeDaemonIT {
    private static final Linux LINUX = new Linux();
    Path root;
    DaemonProcess daemon;

    @BeforeEach
    void startDaemon() throws Exception {
        root = Files.createDirectories(Path.of("/tmp/purser-it", "bridge-" + UUID.randomUUID().toString().substring(0, 8)));
        daemon = DaemonProcess.start(root, Map.of());
        daemon.importBusybox();
    }

    @AfterEach
    void stopDaemon() throws Exception {
        daemon.close();
    }

    private Result docker(String... args) {
        return daemon.docker(args);
    }

    private static List<String> hostVeths() {
        try (RouteSocket host = RouteSocket.inHost(LINUX)) {
            return host.links().stream().filter(l -> l.kind().equals("veth")).map(Link::name).sorted().toList();
        }
    }

    @Test
    void dockerInspectShowsTheAddressTheContainerHas() {
        docker("run", "-d", "--name", "web", "busybox", "sleep", "1000");
        String ip = docker("inspect", "-f", "{{.NetworkSettings.IPAddress}}", "web").line();
        assertThat(ip).matches("\\d+\\.\\d+\\.\\d+\\.\\d+");
        String inside = docker("exec", "web", "ip", "-o", "-4", "addr", "show", "eth0").line();
        assertThat(inside).contains("inet " + ip + "/");
    }

    @Test
    void inspectFillsDockersBridgeFields() throws IOException {
        docker("run", "-d", "--name", "web", "busybox", "sleep", "1000");
        JsonNode net = new ObjectMapper().readTree(docker("inspect", "web").line()).get(0).get("NetworkSettings");
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
        assertThat(docker("inspect", "-f", "[{{.NetworkSettings.IPAddress}}]", "web").line()).isEqualTo("[]");
    }

    @Test
    void daemonSigkillLeavesNoVethAndNoLeaseBehind() throws Exception {
        List<String> before = hostVeths();
        for (String name : List.of("net-a", "net-b", "net-c")) {
            Result run = docker("run", "-d", "--name", name, "busybox", "sleep", "1000");
            assertThat(run.exitCode()).as(run.line()).isZero();
        }
        // this daemon's veths: other engines on the host may add and remove theirs meanwhile
        java.util.Set<String> ours = new java.util.HashSet<>(hostVeths());
        ours.removeAll(before);
        assertThat(ours).hasSizeGreaterThanOrEqualTo(3);
        daemon.kill();
        daemon.launch(Map.of());
        assertThat(hostVeths()).doesNotContainAnyElementsOf(ours);
        JsonNode leases = new ObjectMapper().readTree(root.resolve("state/network/bridge-leases.json").toFile());
        assertThat(leases).isEmpty();
        Result start = docker("start", "net-a");
        assertThat(start.exitCode()).as(start.line()).isZero();
        assertThat(docker("inspect", "-f", "{{.NetworkSettings.IPAddress}}", "net-a").line()).isNotEmpty();
    }

    @Test
    void dockerNetworkLsShowsThePredefinedNetworks() {
        Result ls = docker("network", "ls", "--format", "{{.Name}} {{.Driver}} {{.Scope}}");
        assertThat(ls.line().lines()).as(ls.line()).containsExactlyInAnyOrder("bridge bridge local", "host host local", "none null local");
    }

    @Test
    void dockerNetworkInspectShowsTheBridgeSubnetAndItsContainers() {
        docker("run", "-d", "--name", "web", "busybox", "sleep", "1000");
        String ip = docker("inspect", "-f", "{{.NetworkSettings.IPAddress}}", "web").line();
        Result inspect = docker("network", "inspect", "-f",
                "{{range .IPAM.Config}}{{.Subnet}} {{.Gateway}}{{end}} {{range .Containers}}{{.Name}} {{.IPv4Address}}{{end}}", "bridge");
        assertThat(inspect.line()).as(inspect.line()).matches("\\d+\\.\\d+\\.0\\.0/16 \\d+\\.\\d+\\.0\\.1 web " + ip.replace(".", "\\.") + "/16");
    }

    @Test
    void unknownNetworkIsNotFound() {
        Result inspect = docker("network", "inspect", "nosuchnet");
        assertThat(inspect.exitCode()).isEqualTo(1);
        assertThat(inspect.line()).contains("network nosuchnet not found");
    }
}
