package dev.purser.engine.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.purser.engine.network.Link;
import dev.purser.engine.network.RouteSocket;
import dev.purser.engine.runtime.Linux;
import dev.purser.engine.testing.DaemonProcess;
import dev.purser.engine.testing.DaemonProcess.Result;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * User-defined networks through a real daemon and the stock docker CLI: create, ls, inspect, rm,
 * prune, a container on one, Docker's errors, and the network after the daemon is SIGKILLed.
 * Subnets 10.231.1x.0/24 are the test's own.
 */
class UserNetworksDockerIT {
    private static final Linux LINUX = new Linux();
    Path root;
    DaemonProcess daemon;

    @BeforeEach
    void startDaemon() throws Exception {
        root = Files.createDirectories(Path.of("/tmp/purser-it", "usernet-" + UUID.randomUUID().toString().substring(0, 8)));
        daemon = DaemonProcess.start(root, Map.of());
        daemon.importBusybox();
    }

    @AfterEach
    void stopDaemon() throws Exception {
        daemon.removeContainers();
        for (String name : docker("network", "ls", "-q", "--filter", "type=custom").line().lines().toList()) {
            docker("network", "rm", name);
        }
        daemon.close();
    }

    private Result docker(String... args) {
        return daemon.docker(args);
    }

    private static Optional<Link> hostLink(String name) {
        try (RouteSocket host = RouteSocket.inHost(LINUX)) {
            return host.link(name);
        }
    }

    private String create(String... args) {
        List<String> cmd = new ArrayList<>(List.of("network", "create"));
        cmd.addAll(List.of(args));
        Result r = docker(cmd.toArray(String[]::new));
        assertThat(r.exitCode()).as(r.line()).isZero();
        return r.line();
    }

    @Test
    void createPrintsTheIdAndLsListsTheNetwork() {
        String id = create("--subnet", "10.231.11.0/24", "purserit-cli-a");
        assertThat(id).matches("[0-9a-f]{64}");
        assertThat(docker("network", "ls").line()).containsPattern(id.substring(0, 12) + " +purserit-cli-a +bridge +local");
        assertThat(hostLink("br-" + id.substring(0, 12))).isPresent();
    }

    @Test
    void inspectShowsTheSubnetGatewayInternalAndLabels() {
        create("--subnet", "10.231.11.0/24", "--gateway", "10.231.11.254", "--internal", "--label", "tier=web", "purserit-cli-a");
        Result r = docker("network", "inspect", "-f",
                "{{range .IPAM.Config}}{{.Subnet}} {{.Gateway}}{{end}} {{.Internal}} {{.Labels.tier}} {{.Driver}}", "purserit-cli-a");
        assertThat(r.line()).isEqualTo("10.231.11.0/24 10.231.11.254 true web bridge");
    }

    @Test
    void inspectListsTheRunningContainersWithTheirAddresses() {
        create("--subnet", "10.231.11.0/24", "purserit-cli-a");
        Result run = docker("run", "-d", "--name", "onnet", "--network", "purserit-cli-a", "busybox", "sleep", "100");
        assertThat(run.exitCode()).as(run.line()).isZero();
        assertThat(docker("network", "inspect", "-f", "{{range .Containers}}{{.Name}} {{.IPv4Address}}{{end}}", "purserit-cli-a").line())
                .isEqualTo("onnet 10.231.11.2/24");
        assertThat(docker("inspect", "-f", "{{range $k, $v := .NetworkSettings.Networks}}{{$k}} {{$v.IPAddress}}{{end}}", "onnet").line())
                .isEqualTo("purserit-cli-a 10.231.11.2");
    }

    @Test
    void containersOnTheNetworkReachEachOtherByName() {
        create("--subnet", "10.231.11.0/24", "purserit-cli-a");
        assertThat(docker("run", "-d", "--name", "purserit-web", "--network", "purserit-cli-a", "busybox", "sleep", "100").exitCode())
                .isZero();
        Result r = docker("run", "--rm", "--network", "purserit-cli-a", "busybox", "ping", "-c1", "-W2", "purserit-web");
        assertThat(r.exitCode()).as(r.line()).isZero();
        assertThat(r.line()).contains("10.231.11.2");
    }

    @Test
    void rmRemovesTheNetworkAndItsBridge() {
        String id = create("--subnet", "10.231.11.0/24", "purserit-cli-a");
        Result r = docker("network", "rm", "purserit-cli-a");
        assertThat(r.exitCode()).as(r.line()).isZero();
        assertThat(r.line()).isEqualTo("purserit-cli-a");
        assertThat(hostLink("br-" + id.substring(0, 12))).isEmpty();
        assertThat(docker("network", "inspect", "purserit-cli-a").line()).contains("network purserit-cli-a not found");
    }

    @Test
    void pruneRemovesTheUnusedNetworks() {
        create("--subnet", "10.231.11.0/24", "purserit-cli-a");
        Result r = docker("network", "prune", "-f");
        assertThat(r.exitCode()).as(r.line()).isZero();
        assertThat(r.line()).contains("purserit-cli-a");
        assertThat(docker("network", "ls", "-q", "--filter", "type=custom").line()).isEmpty();
    }

    @Test
    void duplicateNameGetsDockersError() {
        create("--subnet", "10.231.11.0/24", "purserit-cli-a");
        Result r = docker("network", "create", "purserit-cli-a");
        assertThat(r.exitCode()).isNotZero();
        assertThat(r.line()).contains("network with name purserit-cli-a already exists");
    }

    @Test
    void overlappingSubnetGetsDockersError() {
        create("--subnet", "10.231.11.0/24", "purserit-cli-a");
        Result r = docker("network", "create", "--subnet", "10.231.11.128/25", "purserit-cli-b");
        assertThat(r.exitCode()).isNotZero();
        assertThat(r.line()).contains("Pool overlaps with other one on this address space");
        assertThat(docker("network", "ls", "-q", "--filter", "name=purserit-cli-b").line()).isEmpty();
    }

    @Test
    void subnetOfTheDefaultBridgeGetsDockersError() {
        String bridge = docker("network", "inspect", "-f", "{{range .IPAM.Config}}{{.Subnet}}{{end}}", "bridge").line();
        Result r = docker("network", "create", "--subnet", bridge, "purserit-cli-b");
        assertThat(r.exitCode()).as(r.line()).isEqualTo(1);
        assertThat(r.line()).contains("Pool overlaps with other one on this address space");
    }

    @Test
    void ipRangeIsInspectedAndGivesTheContainersTheirAddresses() {
        create("--subnet", "10.247.61.0/24", "--ip-range", "10.247.61.64/26", "--gateway", "10.247.61.1", "purserit-cli-a");
        assertThat(docker("network", "inspect", "-f", "{{range .IPAM.Config}}{{.Subnet}} {{.IPRange}} {{.Gateway}}{{end}}",
                "purserit-cli-a").line()).isEqualTo("10.247.61.0/24 10.247.61.64/26 10.247.61.1");
        Result run = docker("run", "-d", "--name", "ranged", "--network", "purserit-cli-a", "busybox", "sleep", "100");
        assertThat(run.exitCode()).as(run.line()).isZero();
        assertThat(docker("inspect", "-f", "{{range .NetworkSettings.Networks}}{{.IPAddress}}{{end}}", "ranged").line())
                .isEqualTo("10.247.61.64");
    }

    @Test
    void ipRangeBiggerThanTheSubnetGetsDockersError() {
        Result r = docker("network", "create", "--subnet", "10.247.60.0/24", "--ip-range", "10.247.60.0/23", "purserit-cli-a");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.line()).contains("invalid network config:\ninvalid ip-range 10.247.60.0/23: CIDR block is bigger than its parent "
                + "subnet 10.247.60.0/24");
        assertThat(docker("network", "ls", "-q", "--filter", "name=purserit-cli-a").line()).isEmpty();
    }

    @Test
    void unknownDriverIsRefusedNamingIt() {
        Result r = docker("network", "create", "-d", "overlay", "purserit-cli-a");
        assertThat(r.exitCode()).isNotZero();
        assertThat(r.line()).contains("\"overlay\"");
    }

    @Test
    void rmWithARunningContainerGetsDockersError() {
        String id = create("--subnet", "10.231.11.0/24", "purserit-cli-a");
        assertThat(docker("run", "-d", "--network", "purserit-cli-a", "busybox", "sleep", "100").exitCode()).isZero();
        Result r = docker("network", "rm", "purserit-cli-a");
        assertThat(r.exitCode()).isNotZero();
        assertThat(r.line()).contains("error while removing network: network purserit-cli-a id " + id + " has active endpoints");
    }

    @Test
    void networkSurvivesADaemonSigkillWithNoStaleEndpoint() throws Exception {
        String id = create("--subnet", "10.231.11.0/24", "purserit-cli-a");
        assertThat(docker("run", "-d", "--network", "purserit-cli-a", "busybox", "sleep", "100").exitCode()).isZero();
        daemon.kill();
        daemon.launch(Map.of());
        assertThat(docker("network", "inspect", "-f", "{{.Id}} {{len .Containers}}", "purserit-cli-a").line()).isEqualTo(id + " 0");
        assertThat(hostLink("br-" + id.substring(0, 12))).isPresent();
        try (RouteSocket host = RouteSocket.inHost(LINUX)) {
            int bridge = host.link("br-" + id.substring(0, 12)).orElseThrow().index();
            assertThat(host.links()).noneMatch(l -> l.master() == bridge);
        }
        assertThat(docker("network", "rm", "purserit-cli-a").exitCode()).isZero();
    }
}
