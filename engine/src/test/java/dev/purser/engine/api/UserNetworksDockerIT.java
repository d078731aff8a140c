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
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
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
    Path socket;
    Process daemon;

    @BeforeEach
    void startDaemon() throws Exception {
        root = Files.createDirectories(Path.of("/tmp/purser-it", "usernet-" + UUID.randomUUID().toString().substring(0, 8)));
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
        for (String name : docker("network", "ls", "-q", "--filter", "type=custom").out.lines().toList()) {
            docker("network", "rm", name);
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

    private static Optional<Link> hostLink(String name) {
        try (RouteSocket host = RouteSocket.inHost(LINUX)) {
            return host.link(name);
        }
    }

    private String create(String... args) {
        List<String> cmd = new ArrayList<>(List.of("network", "create"));
        cmd.addAll(List.of(args));
        Result r = docker(cmd.toArray(String[]::new));
        assertThat(r.exitCode).as(r.out).isZero();
        return r.out;
    }

    @Test
    void createPrintsTheIdAndLsListsTheNetwork() {
        String id = create("--subnet", "10.231.11.0/24", "purserit-cli-a");
        assertThat(id).matches("[0-9a-f]{64}");
        assertThat(docker("network", "ls").out).containsPattern(id.substring(0, 12) + " +purserit-cli-a +bridge +local");
        assertThat(hostLink("br-" + id.substring(0, 12))).isPresent();
    }

    @Test
    void inspectShowsTheSubnetGatewayInternalAndLabels() {
        create("--subnet", "10.231.11.0/24", "--gateway", "10.231.11.254", "--internal", "--label", "tier=web", "purserit-cli-a");
        Result r = docker("network", "inspect", "-f",
                "{{range .IPAM.Config}}{{.Subnet}} {{.Gateway}}{{end}} {{.Internal}} {{.Labels.tier}} {{.Driver}}", "purserit-cli-a");
        assertThat(r.out).isEqualTo("10.231.11.0/24 10.231.11.254 true web bridge");
    }

    @Test
    void inspectListsTheRunningContainersWithTheirAddresses() {
        create("--subnet", "10.231.11.0/24", "purserit-cli-a");
        Result run = docker("run", "-d", "--name", "onnet", "--network", "purserit-cli-a", "busybox", "sleep", "100");
        assertThat(run.exitCode).as(run.out).isZero();
        assertThat(docker("network", "inspect", "-f", "{{range .Containers}}{{.Name}} {{.IPv4Address}}{{end}}", "purserit-cli-a").out)
                .isEqualTo("onnet 10.231.11.2/24");
        assertThat(docker("inspect", "-f", "{{range $k, $v := .NetworkSettings.Networks}}{{$k}} {{$v.IPAddress}}{{end}}", "onnet").out)
                .isEqualTo("purserit-cli-a 10.231.11.2");
    }

    @Test
    void containersOnTheNetworkReachEachOtherByName() {
        create("--subnet", "10.231.11.0/24", "purserit-cli-a");
        assertThat(docker("run", "-d", "--name", "purserit-web", "--network", "purserit-cli-a", "busybox", "sleep", "100").exitCode)
                .isZero();
        Result r = docker("run", "--rm", "--network", "purserit-cli-a", "busybox", "ping", "-c1", "-W2", "purserit-web");
        assertThat(r.exitCode).as(r.out).isZero();
        assertThat(r.out).contains("10.231.11.2");
    }

    @Test
    void rmRemovesTheNetworkAndItsBridge() {
        String id = create("--subnet", "10.231.11.0/24", "purserit-cli-a");
        Result r = docker("network", "rm", "purserit-cli-a");
        assertThat(r.exitCode).as(r.out).isZero();
        assertThat(r.out).isEqualTo("purserit-cli-a");
        assertThat(hostLink("br-" + id.substring(0, 12))).isEmpty();
        assertThat(docker("network", "inspect", "purserit-cli-a").out).contains("network purserit-cli-a not found");
    }

    @Test
    void pruneRemovesTheUnusedNetworks() {
        create("--subnet", "10.231.11.0/24", "purserit-cli-a");
        Result r = docker("network", "prune", "-f");
        assertThat(r.exitCode).as(r.out).isZero();
        assertThat(r.out).contains("purserit-cli-a");
        assertThat(docker("network", "ls", "-q", "--filter", "type=custom").out).isEmpty();
    }

    @Test
    void duplicateNameGetsDockersError() {
        create("--subnet", "10.231.11.0/24", "purserit-cli-a");
        Result r = docker("network", "create", "purserit-cli-a");
        assertThat(r.exitCode).isNotZero();
        assertThat(r.out).contains("network with name purserit-cli-a already exists");
    }

    @Test
    void overlappingSubnetGetsDockersError() {
        create("--subnet", "10.231.11.0/24", "purserit-cli-a");
        Result r = docker("network", "create", "--subnet", "10.231.11.128/25", "purserit-cli-b");
        assertThat(r.exitCode).isNotZero();
        assertThat(r.out).contains("Pool overlaps with other one on this address space");
        assertThat(docker("network", "ls", "-q", "--filter", "name=purserit-cli-b").out).isEmpty();
    }

    @Test
    void subnetOfTheDefaultBridgeGetsDockersError() {
        String bridge = docker("network", "inspect", "-f", "{{range .IPAM.Config}}{{.Subnet}}{{end}}", "bridge").out;
        Result r = docker("network", "create", "--subnet", bridge, "purserit-cli-b");
        assertThat(r.exitCode).as(r.out).isEqualTo(1);
        assertThat(r.out).contains("Pool overlaps with other one on this address space");
    }

    @Test
    void ipRangeIsInspectedAndGivesTheContainersTheirAddresses() {
        create("--subnet", "10.247.61.0/24", "--ip-range", "10.247.61.64/26", "--gateway", "10.247.61.1", "purserit-cli-a");
        assertThat(docker("network", "inspect", "-f", "{{range .IPAM.Config}}{{.Subnet}} {{.IPRange}} {{.Gateway}}{{end}}",
                "purserit-cli-a").out).isEqualTo("10.247.61.0/24 10.247.61.64/26 10.247.61.1");
        Result run = docker("run", "-d", "--name", "ranged", "--network", "purserit-cli-a", "busybox", "sleep", "100");
        assertThat(run.exitCode).as(run.out).isZero();
        assertThat(docker("inspect", "-f", "{{range .NetworkSettings.Networks}}{{.IPAddress}}{{end}}", "ranged").out)
                .isEqualTo("10.247.61.64");
    }

    @Test
    void ipRangeBiggerThanTheSubnetGetsDockersError() {
        Result r = docker("network", "create", "--subnet", "10.247.60.0/24", "--ip-range", "10.247.60.0/23", "purserit-cli-a");
        assertThat(r.exitCode).isEqualTo(1);
        assertThat(r.out).contains("invalid network config:\ninvalid ip-range 10.247.60.0/23: CIDR block is bigger than its parent "
                + "subnet 10.247.60.0/24");
        assertThat(docker("network", "ls", "-q", "--filter", "name=purserit-cli-a").out).isEmpty();
    }

    @Test
    void unknownDriverIsRefusedNamingIt() {
        Result r = docker("network", "create", "-d", "overlay", "purserit-cli-a");
        assertThat(r.exitCode).isNotZero();
        assertThat(r.out).contains("\"overlay\"");
    }

    @Test
    void rmWithARunningContainerGetsDockersError() {
        String id = create("--subnet", "10.231.11.0/24", "purserit-cli-a");
        assertThat(docker("run", "-d", "--network", "purserit-cli-a", "busybox", "sleep", "100").exitCode).isZero();
        Result r = docker("network", "rm", "purserit-cli-a");
        assertThat(r.exitCode).isNotZero();
        assertThat(r.out).contains("error while removing network: network purserit-cli-a id " + id + " has active endpoints");
    }

    @Test
    void networkSurvivesADaemonSigkillWithNoStaleEndpoint() throws Exception {
        String id = create("--subnet", "10.231.11.0/24", "purserit-cli-a");
        assertThat(docker("run", "-d", "--network", "purserit-cli-a", "busybox", "sleep", "100").exitCode).isZero();
        daemon.destroyForcibly();
        daemon.waitFor(30, TimeUnit.SECONDS);
        daemon = launch();
        assertThat(docker("network", "inspect", "-f", "{{.Id}} {{len .Containers}}", "purserit-cli-a").out).isEqualTo(id + " 0");
        assertThat(hostLink("br-" + id.substring(0, 12))).isPresent();
        try (RouteSocket host = RouteSocket.inHost(LINUX)) {
            int bridge = host.link("br-" + id.substring(0, 12)).orElseThrow().index();
            assertThat(host.links()).noneMatch(l -> l.master() == bridge);
        }
        assertThat(docker("network", "rm", "purserit-cli-a").exitCode).isZero();
    }
}
