package dev.purser.engine.api;

import static org.assertj.core.api.Assertions.assertThat;

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
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A container on several user-defined networks through a real daemon and the stock docker CLI:
 * EndpointsConfig at create, {@code network connect|disconnect} of running and stopped
 * containers, {@code --ip}, {@code --network-alias}, peers' names kept current, Docker's
 * errors, and nothing left after stop, rm and a daemon SIGKILL. Subnets 10.237.x.0/24 are the
 * test's own; the default bridge (shared by every daemon on the machine) is never started on.
 */
class NetworkEndpointsDockerIT {
    private static final Linux LINUX = new Linux();
    Path root;
    DaemonProcess daemon;
    String netA;
    String netB;

    @BeforeEach
    void startDaemon() throws Exception {
        root = Files.createDirectories(Path.of("/tmp/purser-it", "netendpoints-" + UUID.randomUUID().toString().substring(0, 8)));
        daemon = DaemonProcess.start(root, Map.of());
        daemon.importBusybox();
        netA = ok("network", "create", "--subnet", "10.237.1.0/24", "ne-a");
        netB = ok("network", "create", "--subnet", "10.237.2.0/24", "ne-b");
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

    /** The command's output; it must succeed. */
    private String ok(String... args) {
        Result r = docker(args);
        assertThat(r.exitCode()).as(String.join(" ", args) + ":\n" + r.line()).isZero();
        return r.line();
    }

    private String runSleeping(String... options) {
        List<String> cmd = new ArrayList<>(List.of("run", "-d"));
        cmd.addAll(List.of(options));
        cmd.addAll(List.of("busybox", "sleep", "300"));
        return ok(cmd.toArray(String[]::new));
    }

    private static List<Link> portsOf(String networkId) {
        try (RouteSocket host = RouteSocket.inHost(LINUX)) {
            int bridge = host.link("br-" + networkId.substring(0, 12)).orElseThrow().index();
            return host.links().stream().filter(l -> l.master() == bridge).toList();
        }
    }

    /** The container's default routes as busybox's {@code ip route} prints them (it shows every route). */
    private List<String> defaultRoutes(String container) {
        return ok("exec", container, "ip", "route").lines().map(String::strip).filter(l -> l.startsWith("default")).toList();
    }

    private String attached(String network) {
        return docker("network", "inspect", "-f", "{{range .Containers}}{{.Name}} {{end}}", network).line();
    }

    // ---- several networks at create ------------------------------------------------------

    @Test
    void aContainerOnTwoNetworksReachesThePeersOfEachByNameAliasAndShortId() {
        String peerA = runSleeping("--name", "peer-a", "--network", "ne-a", "--network-alias", "web");
        runSleeping("--name", "peer-b", "--network", "ne-b");
        runSleeping("--name", "multi", "--network", "ne-a", "--network", "ne-b");
        for (String name : List.of("peer-a", "web", peerA.substring(0, 12), "peer-b")) {
            Result ping = docker("exec", "multi", "ping", "-c1", "-W3", name);
            assertThat(ping.exitCode()).as(name + ":\n" + ping.line()).isZero();
        }
    }

    @Test
    void eachNetworkGetsItsInterfaceAndTheFirstInGatewayOrderTheDefaultRoute() {
        runSleeping("--name", "multi", "--network", "ne-b", "--network", "ne-a");
        String addresses = ok("exec", "multi", "ip", "-4", "-o", "addr", "show");
        assertThat(addresses).containsPattern("eth0 +inet 10\\.237\\.1\\.2/24").containsPattern("eth1 +inet 10\\.237\\.2\\.2/24");
        assertThat(defaultRoutes("multi")).containsExactly("default via 10.237.1.1 dev eth0");
    }

    @Test
    void theHostsFileHasTheContainersAddressOnEachNetwork() {
        String id = runSleeping("--name", "multi", "--network", "ne-a", "--network", "ne-b");
        String hosts = ok("exec", "multi", "cat", "/etc/hosts");
        assertThat(hosts).contains("10.237.1.2\t" + id.substring(0, 12)).contains("10.237.2.2\t" + id.substring(0, 12));
    }

    @Test
    void inspectShowsEveryNetworkWithItsAliasesAndIpamConfig() {
        runSleeping("--name", "multi", "--network", "ne-a", "--network-alias", "web", "--ip", "10.237.1.9",
                "--network", "ne-b");
        assertThat(ok("inspect", "-f", "{{range $k, $v := .NetworkSettings.Networks}}{{$k}} {{$v.IPAddress}} {{$v.Aliases}} "
                + "{{if $v.IPAMConfig}}{{$v.IPAMConfig.IPv4Address}}{{end}};{{end}}", "multi"))
                .isEqualTo("ne-a 10.237.1.9 [web] 10.237.1.9;ne-b 10.237.2.2 [] ;");
        assertThat(attached("ne-a")).isEqualTo("multi");
        assertThat(attached("ne-b")).isEqualTo("multi");
    }

    @Test
    void aContainerMadeOnTwoNetworksKeepsThemAcrossADaemonRestart() throws Exception {
        ok("create", "--name", "multi", "--network", "ne-a", "--network-alias", "web", "--network", "ne-b", "busybox", "sleep", "300");
        daemon.stop();
        daemon.launch(Map.of());
        ok("start", "multi");
        assertThat(ok("inspect", "-f", "{{range $k, $v := .NetworkSettings.Networks}}{{$k}} {{$v.IPAddress}} {{$v.Aliases}};{{end}}",
                "multi")).isEqualTo("ne-a 10.237.1.2 [web];ne-b 10.237.2.2 [];");
    }

    // ---- connect and disconnect ------------------------------------------------------------

    @Test
    void connectingARunningContainerGivesItAnInterfaceAndThePeersResolveItAtOnce() {
        runSleeping("--name", "mover", "--network", "ne-a");
        runSleeping("--name", "peer-b", "--network", "ne-b");
        ok("network", "connect", "--alias", "moved", "ne-b", "mover");
        assertThat(ok("exec", "mover", "ip", "-4", "-o", "addr", "show", "eth1")).contains("inet 10.237.2.3/24");
        for (String name : List.of("mover", "moved")) {
            Result ping = docker("exec", "peer-b", "ping", "-c1", "-W3", name);
            assertThat(ping.exitCode()).as(name + ":\n" + ping.line()).isZero();
        }
        Result back = docker("exec", "mover", "ping", "-c1", "-W3", "peer-b");
        assertThat(back.exitCode()).as(back.line()).isZero();
    }

    @Test
    void disconnectingARunningContainerRemovesItsInterfaceAndItsPeersHostsEntry() {
        runSleeping("--name", "mover", "--network", "ne-a", "--network", "ne-b");
        runSleeping("--name", "peer-b", "--network", "ne-b");
        assertThat(ok("exec", "peer-b", "cat", "/etc/hosts")).contains("mover");
        ok("network", "disconnect", "ne-b", "mover");
        assertThat(ok("exec", "mover", "ip", "-o", "link", "show")).doesNotContain("eth1");
        assertThat(ok("exec", "peer-b", "cat", "/etc/hosts")).doesNotContain("mover");
        assertThat(portsOf(netB)).hasSize(1);
        assertThat(attached("ne-b")).isEqualTo("peer-b");
    }

    @Test
    void disconnectingTheGatewayNetworkMovesTheDefaultRouteToTheOther() {
        runSleeping("--name", "multi", "--network", "ne-a", "--network", "ne-b");
        ok("network", "disconnect", "ne-a", "multi");
        assertThat(defaultRoutes("multi")).containsExactly("default via 10.237.2.1 dev eth1");
    }

    @Test
    void connectingAStoppedContainerChangesItsNetworksForItsNextStart() {
        ok("create", "--name", "later", "--network", "ne-a", "busybox", "sleep", "300");
        ok("network", "connect", "--ip", "10.237.2.77", "ne-b", "later");
        assertThat(portsOf(netB)).isEmpty();
        ok("start", "later");
        assertThat(ok("exec", "later", "ip", "-4", "-o", "addr", "show", "eth1")).contains("inet 10.237.2.77/24");
    }

    @Test
    void disconnectingAStoppedContainerLeavesItOffThatNetworkAtStart() {
        ok("create", "--name", "later", "--network", "ne-a", "--network", "ne-b", "busybox", "sleep", "300");
        ok("network", "disconnect", "ne-a", "later");
        ok("start", "later");
        assertThat(ok("exec", "later", "ip", "-4", "-o", "addr", "show")).doesNotContain("10.237.1.").containsPattern("eth0 +inet 10\\.237\\.2\\.2/24");
    }

    @Test
    void connectAndDisconnectAreNetworkEventsNamingTheContainer() {
        String id = runSleeping("--name", "mover", "--network", "ne-a");
        String since = String.valueOf(System.currentTimeMillis() / 1000 - 1);
        ok("network", "connect", "ne-b", "mover");
        ok("network", "disconnect", "ne-b", "mover");
        String events = ok("events", "--since", since, "--until", String.valueOf(System.currentTimeMillis() / 1000 + 1),
                "--filter", "type=network", "--format", "{{.Action}} {{.Actor.ID}} {{.Actor.Attributes.container}} {{.Actor.Attributes.name}}");
        assertThat(events.lines()).contains("connect " + netB + " " + id + " ne-b", "disconnect " + netB + " " + id + " ne-b");
    }

    @Test
    void startAndStopAreNetworkEventsForEachNetwork() {
        String since = String.valueOf(System.currentTimeMillis() / 1000 - 1);
        String id = runSleeping("--name", "multi", "--network", "ne-a", "--network", "ne-b");
        ok("stop", "-t", "0", "multi");
        String events = ok("events", "--since", since, "--until", String.valueOf(System.currentTimeMillis() / 1000 + 1),
                "--filter", "type=network", "--format", "{{.Action}} {{.Actor.ID}} {{.Actor.Attributes.container}}");
        assertThat(events.lines()).contains("connect " + netA + " " + id, "connect " + netB + " " + id,
                "disconnect " + netA + " " + id, "disconnect " + netB + " " + id);
    }

    // ---- --ip ------------------------------------------------------------------------------

    @Test
    void ipGivesTheContainerThatAddress() {
        runSleeping("--name", "fixed", "--network", "ne-a", "--ip", "10.237.1.50");
        assertThat(ok("exec", "fixed", "ip", "-4", "-o", "addr", "show", "eth0")).contains("inet 10.237.1.50/24");
        assertThat(ok("inspect", "-f", "{{(index .NetworkSettings.Networks \"ne-a\").IPAddress}}", "fixed")).isEqualTo("10.237.1.50");
    }

    @Test
    void anAddressInUseIsRefusedAndLeavesNothing() {
        runSleeping("--name", "first", "--network", "ne-a", "--ip", "10.237.1.50");
        Result second = docker("run", "-d", "--name", "second", "--network", "ne-a", "--ip", "10.237.1.50", "busybox", "sleep", "300");
        assertThat(second.exitCode()).as(second.line()).isNotZero();
        assertThat(second.line()).contains("Address already in use");
        assertThat(portsOf(netA)).hasSize(1);
        assertThat(attached("ne-a")).isEqualTo("first");
    }

    @Test
    void connectingWithAnAddressInUseIsRefusedAndLeavesNothing() {
        runSleeping("--name", "first", "--network", "ne-b", "--ip", "10.237.2.50");
        runSleeping("--name", "mover", "--network", "ne-a");
        Result r = docker("network", "connect", "--ip", "10.237.2.50", "ne-b", "mover");
        assertThat(r.exitCode()).isNotZero();
        assertThat(r.line()).contains("Address already in use");
        assertThat(portsOf(netB)).hasSize(1);
        assertThat(ok("exec", "mover", "ip", "-o", "link", "show")).doesNotContain("eth1");
        assertThat(ok("inspect", "-f", "{{len .NetworkSettings.Networks}}", "mover")).isEqualTo("1");
    }

    @Test
    void anAddressOutsideTheSubnetIsRefusedAtCreate() {
        Result r = docker("create", "--name", "outside", "--network", "ne-a", "--ip", "10.9.9.9", "busybox", "true");
        assertThat(r.exitCode()).isNotZero();
        assertThat(r.line()).contains("invalid endpoint settings:\nno configured subnet or ip-range contain the IP address 10.9.9.9");
        assertThat(docker("ps", "-aq").line()).isEmpty();
    }

    @Test
    void anAddressOnANetworkWithoutAConfiguredSubnetIsRefused() {
        ok("network", "create", "ne-pool");
        Result r = docker("create", "--network", "ne-pool", "--ip", "10.237.9.9", "busybox", "true");
        assertThat(r.exitCode()).isNotZero();
        assertThat(r.line()).contains("user specified IP address is supported only when connecting to networks with user configured subnets");
        assertThat(docker("ps", "-aq").line()).isEmpty();
    }

    // ---- Docker's refusals -------------------------------------------------------------------

    @Test
    void anAliasOnTheDefaultBridgeIsRefusedByTheDaemon() {
        ok("create", "--name", "plain", "--network", "ne-a", "busybox", "true");
        Result r = docker("network", "connect", "--alias", "x", "bridge", "plain");
        assertThat(r.exitCode()).isNotZero();
        assertThat(r.line()).contains("network-scoped alias is supported only for containers in user defined networks");
    }

    @Test
    void connectingToAnUnknownNetworkOrContainerGetsDockersNotFound() {
        ok("create", "--name", "plain", "--network", "ne-a", "busybox", "true");
        assertThat(docker("network", "connect", "ne-nope", "plain").line()).contains("network ne-nope not found");
        assertThat(docker("network", "connect", "ne-b", "nope").line()).contains("No such container: nope");
    }

    @Test
    void connectingARunningContainerTwiceGetsDockersEndpointExists() {
        runSleeping("--name", "mover", "--network", "ne-a");
        Result r = docker("network", "connect", "ne-a", "mover");
        assertThat(r.exitCode()).isNotZero();
        assertThat(r.line()).contains("endpoint with name mover already exists in network ne-a");
        assertThat(portsOf(netA)).hasSize(1);
    }

    @Test
    void disconnectingFromANetworkTheContainerIsNotOnGetsDockersError() {
        String id = runSleeping("--name", "mover", "--network", "ne-a");
        Result r = docker("network", "disconnect", "ne-b", "mover");
        assertThat(r.exitCode()).isNotZero();
        assertThat(r.line()).contains("container " + id + " is not connected to network ne-b");
    }

    @Test
    void aHostNetworkContainerCannotBeConnectedToAnotherNetwork() {
        ok("create", "--name", "onhost", "--network", "host", "busybox", "true");
        Result r = docker("network", "connect", "ne-a", "onhost");
        assertThat(r.line()).contains("container sharing network namespace with another container or host cannot be connected to any other network");
    }

    @Test
    void connectingToTheHostNetworkIsRefused() {
        ok("create", "--name", "plain", "--network", "ne-a", "busybox", "true");
        Result r = docker("network", "connect", "host", "plain");
        assertThat(r.line()).contains("cannot connect container to host network - container must be created in host network mode");
    }

    @Test
    void theCliRefusesMixingTheDefaultBridgeWithAUserNetwork() {
        Result r = docker("create", "--network", "bridge", "--network", "ne-a", "busybox", "true");
        assertThat(r.exitCode()).isNotZero();
        assertThat(r.line()).contains("conflicting options: cannot attach both user-defined and non-user-defined network-modes");
    }

    // ---- nothing left ------------------------------------------------------------------------

    @Test
    void stopAndRmLeaveNoVethOnEitherNetwork() {
        runSleeping("--name", "multi", "--network", "ne-a", "--network", "ne-b");
        runSleeping("--name", "mover", "--network", "ne-a");
        ok("network", "connect", "ne-b", "mover");
        ok("stop", "-t", "0", "multi");
        ok("rm", "-f", "mover");
        assertThat(portsOf(netA)).isEmpty();
        assertThat(portsOf(netB)).isEmpty();
        assertThat(attached("ne-a")).isEmpty();
        assertThat(attached("ne-b")).isEmpty();
    }

    @Test
    void aDaemonSigkillLeavesNoVethOrLeaseOnAnyNetwork() throws Exception {
        runSleeping("--name", "multi", "--network", "ne-a", "--network", "ne-b");
        runSleeping("--name", "mover", "--network", "ne-a");
        ok("network", "connect", "ne-b", "mover");
        daemon.kill();
        daemon.launch(Map.of());
        assertThat(portsOf(netA)).isEmpty();
        assertThat(portsOf(netB)).isEmpty();
        ok("start", "multi", "mover");
        // the leases were given back: the addresses come again from the first
        assertThat(ok("inspect", "-f", "{{range .NetworkSettings.Networks}}{{.IPAddress}} {{end}}", "multi", "mover"))
                .isEqualTo("10.237.1.2 10.237.2.2 \n10.237.1.3 10.237.2.3");
    }
}
