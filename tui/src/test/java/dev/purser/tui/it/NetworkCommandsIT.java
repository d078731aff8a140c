package dev.purser.tui.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.purser.tui.it.InProcessDaemon.Result;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code purser network create|ls|inspect|rm|prune|connect|disconnect} against a real daemon: docker's output,
 * formats, errors and exit codes. Subnets 10.231.2x.0/24 are the test's own; every network it
 * makes is removed after each test.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class NetworkCommandsIT {
    static InProcessDaemon daemon;

    @BeforeAll
    static void startDaemon() {
        daemon = InProcessDaemon.start();
        daemon.importBusybox();
    }

    @AfterEach
    void removeNetworks() {
        for (String id : daemon.purser("ps", "-aq").out().lines().toList()) {
            daemon.purser("rm", "-f", id);
        }
        for (String id : daemon.purser("network", "ls", "-q", "--filter", "type=custom").out().lines().toList()) {
            daemon.purser("network", "rm", id);
        }
    }

    @AfterAll
    static void stopDaemon() {
        daemon.close();
    }

    private static Result ok(String... args) {
        Result r = daemon.purser(args);
        assertThat(r.exitCode()).as(String.join(" ", args) + ": " + r.err()).isZero();
        return r;
    }

    @Test
    void createPrintsTheIdAndLsShowsDockersColumns() {
        String id = ok("network", "create", "--subnet", "10.231.21.0/24", "cli-web").outLine();
        assertThat(id).matches("[0-9a-f]{64}");
        Result ls = ok("network", "ls", "--filter", "name=cli-web");
        assertThat(ls.out()).isEqualTo("NETWORK ID     NAME      DRIVER    SCOPE\n" + id.substring(0, 12) + "   cli-web   bridge    local\n");
    }

    @Test
    void lsQuietPrintsTheShortIds() {
        String id = ok("network", "create", "--subnet", "10.231.21.0/24", "cli-quiet").outLine();
        assertThat(ok("network", "ls", "-q", "--filter", "name=cli-quiet").out()).isEqualTo(id.substring(0, 12) + "\n");
    }

    @Test
    void lsFormatRendersTheTemplate() {
        ok("network", "create", "--subnet", "10.231.21.0/24", "--internal", "cli-format");
        assertThat(ok("network", "ls", "--filter", "name=cli-format", "--format", "{{.Name}} {{.Driver}} {{.Internal}}").out())
                .isEqualTo("cli-format bridge true\n");
    }

    @Test
    void inspectFormatShowsTheSubnetAndGateway() {
        ok("network", "create", "--subnet", "10.231.21.0/24", "--gateway", "10.231.21.254", "--label", "tier=web", "cli-inspect");
        assertThat(ok("network", "inspect", "-f", "{{range .IPAM.Config}}{{.Subnet}} {{.Gateway}}{{end}} {{.Labels.tier}}",
                "cli-inspect").out()).isEqualTo("10.231.21.0/24 10.231.21.254 web\n");
    }

    @Test
    void rmPrintsTheNameAndTheNetworkIsGone() {
        ok("network", "create", "--subnet", "10.231.21.0/24", "cli-rm");
        assertThat(ok("network", "rm", "cli-rm").out()).isEqualTo("cli-rm\n");
        assertThat(ok("network", "ls", "-q", "--filter", "name=cli-rm").out()).isEmpty();
    }

    @Test
    void pruneWithForceListsTheDeletedNetworks() {
        ok("network", "create", "--subnet", "10.231.21.0/24", "cli-prune");
        assertThat(ok("network", "prune", "-f").out()).isEqualTo("Deleted Networks:\ncli-prune\n");
    }

    @Test
    void duplicateNameGetsDockersErrorAndExitCode1() {
        ok("network", "create", "--subnet", "10.231.21.0/24", "cli-dup");
        Result r = daemon.purser("network", "create", "cli-dup");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).contains("network with name cli-dup already exists");
    }

    @Test
    void ipRangeGivesTheContainersTheirAddresses() {
        ok("network", "create", "--subnet", "10.247.62.0/24", "--ip-range", "10.247.62.128/25", "--gateway", "10.247.62.1",
                "cli-range");
        Result r = ok("run", "--rm", "--network", "cli-range", "busybox", "ip", "-4", "addr", "show", "eth0");
        assertThat(r.out()).contains("inet 10.247.62.128/24");
    }

    @Test
    void ipRangeOutsideTheSubnetIsRefusedByTheCliAsDockers() {
        Result r = daemon.purser("network", "create", "--subnet", "10.247.62.0/24", "--ip-range", "10.247.63.0/24", "cli-range");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).contains("no matching subnet for range 10.247.63.0/24");
    }

    @Test
    void rmOfAnUnknownNetworkGetsNotFoundAndExitCode1() {
        Result r = daemon.purser("network", "rm", "cli-nowhere");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).contains("network cli-nowhere not found");
    }

    @Test
    void runOnTheNetworkGetsAnAddressFromItsSubnet() {
        ok("network", "create", "--subnet", "10.231.21.0/24", "cli-run");
        Result r = ok("run", "--rm", "--network", "cli-run", "busybox", "ip", "-4", "addr", "show", "eth0");
        assertThat(r.out()).contains("inet 10.231.21.2/24");
    }

    private static String networksOf(String container) {
        return ok("inspect", "-f", "{{range $k, $v := .NetworkSettings.Networks}}{{$k}}={{$v.IPAddress}}{{$v.Aliases}} {{end}}",
                container).out().strip();
    }

    @Test
    void runWithTwoNetworksAnAliasAndAnAddressPutsTheContainerOnBoth() {
        ok("network", "create", "--subnet", "10.231.25.0/24", "cli-front");
        ok("network", "create", "--subnet", "10.231.26.0/24", "cli-back");
        ok("run", "-d", "--name", "cli-multi", "--network", "cli-front", "--network-alias", "web", "--ip", "10.231.25.9",
                "--network", "cli-back", "busybox", "sleep", "100");
        // purser's client speaks API 1.41, where Docker adds the short id to a user network's aliases
        assertThat(networksOf("cli-multi")).matches("cli-back=10\\.231\\.26\\.2\\[[0-9a-f]{12}] cli-front=10\\.231\\.25\\.9\\[web [0-9a-f]{12}]");
    }

    @Test
    void connectAndDisconnectPrintNothingAndChangeTheContainersNetworks() {
        ok("network", "create", "--subnet", "10.231.25.0/24", "cli-front");
        ok("network", "create", "--subnet", "10.231.26.0/24", "cli-back");
        ok("run", "-d", "--name", "cli-mover", "--network", "cli-front", "busybox", "sleep", "100");
        assertThat(ok("network", "connect", "--alias", "api", "--ip", "10.231.26.7", "cli-back", "cli-mover").out()).isEmpty();
        assertThat(networksOf("cli-mover")).matches("cli-back=10\\.231\\.26\\.7\\[api [0-9a-f]{12}] cli-front=10\\.231\\.25\\.2\\[[0-9a-f]{12}]");
        assertThat(ok("exec", "cli-mover", "ip", "-4", "-o", "addr", "show", "eth1").out()).contains("inet 10.231.26.7/24");
        assertThat(ok("network", "disconnect", "cli-back", "cli-mover").out()).isEmpty();
        assertThat(networksOf("cli-mover")).matches("cli-front=10\\.231\\.25\\.2\\[[0-9a-f]{12}]");
    }

    @Test
    void connectOfAnUnknownContainerGetsDockersErrorAndExitCode1() {
        ok("network", "create", "--subnet", "10.231.25.0/24", "cli-front");
        Result r = daemon.purser("network", "connect", "cli-front", "cli-nobody");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).isEqualTo("Error response from daemon: No such container: cli-nobody\n");
    }

    @Test
    void connectWithOneArgumentIsAUsageError() {
        Result r = daemon.purser("network", "connect", "cli-front");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).startsWith("purser: 'purser network connect' requires exactly 2 arguments");
    }

    @Test
    void unappliedConnectFlagsAreRefusedNamingThem() {
        Result r = daemon.purser("network", "connect", "--ip6", "fd00::2", "cli-front", "cli-nobody");
        assertThat(r.exitCode()).isNotZero();
        assertThat(r.err()).contains("--ip6");
    }
}
