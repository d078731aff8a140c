package dev.purser.engine.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.purser.engine.testing.TestDaemon;
import dev.purser.engine.testing.TestDaemon.Result;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Network events as moby's daemon sends them, read back with the stock docker CLI: create and
 * destroy of a network, connect and disconnect of a container at its start and stop, each with
 * the network's name and driver and, for the container ones, the container. Subnets
 * 10.238.5x.0/24 are this test's own.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class NetworkEventsIT {
    static TestDaemon daemon;

    @BeforeAll
    static void startDaemon() {
        daemon = TestDaemon.start();
    }

    @AfterAll
    static void stopDaemon() {
        daemon.close();
    }

    private static Result ok(String... args) {
        Result r = daemon.docker(args);
        assertThat(r.exitCode()).as(String.join(" ", args) + ": " + r.err()).isZero();
        return r;
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** The network events since {@code since} about {@code network}, in {@code format}. */
    private static List<String> events(String since, String network, String format) {
        String until = Long.toString(Instant.now().getEpochSecond() + 1);
        return ok("events", "--since", since, "--until", until, "--filter", "type=network", "--filter", "network=" + network,
                "--format", format).out().lines().toList();
    }

    private static String now() {
        return Long.toString(Instant.now().getEpochSecond() - 1);
    }

    @Test
    void aUserNetworksEventsAreCreateConnectDisconnectAndDestroy() {
        String net = unique("evnet");
        String since = now();
        ok("network", "create", "--subnet", "10.238.50.0/24", net);
        ok("run", "--rm", "--network", net, "busybox", "true");
        ok("network", "rm", net);
        assertThat(events(since, net, "{{.Action}}")).containsExactly("create", "connect", "disconnect", "destroy");
    }

    @Test
    void connectAndDisconnectNameTheContainerAndEveryEventTheNetworkAndItsDriver() {
        String net = unique("evattr");
        String since = now();
        String id = ok("network", "create", "--subnet", "10.238.51.0/24", net).outLine();
        String container = ok("run", "-d", "--network", net, "busybox", "true").outLine();
        ok("wait", container);
        ok("rm", container);
        ok("network", "rm", net);
        assertThat(events(since, net, "{{.Action}} {{.Actor.ID}} {{.Actor.Attributes.name}} {{.Actor.Attributes.type}} {{.Actor.Attributes.container}}"))
                .containsExactly("create " + id + " " + net + " bridge <no value>",
                        "connect " + id + " " + net + " bridge " + container,
                        "disconnect " + id + " " + net + " bridge " + container,
                        "destroy " + id + " " + net + " bridge <no value>");
    }

    @Test
    void aContainerOnTheDefaultBridgeConnectsToBridge() {
        String since = now();
        String container = ok("run", "-d", "busybox", "true").outLine();
        ok("wait", container);
        ok("rm", container);
        List<String> shown = events(since, "bridge", "{{.Action}} {{.Actor.Attributes.container}}");
        assertThat(shown).contains("connect " + container, "disconnect " + container);
    }

    @Test
    void networkPruneSendsADestroyForEachNetworkItRemoves() {
        String net = unique("evprune");
        String since = now();
        ok("network", "create", "--subnet", "10.238.52.0/24", net);
        ok("network", "prune", "-f");
        assertThat(events(since, net, "{{.Action}}")).containsExactly("create", "destroy");
    }

    @Test
    void theNetworkFilterLeavesOtherNetworksEventsOut() {
        String mine = unique("evmine");
        String other = unique("evother");
        String since = now();
        ok("network", "create", "--subnet", "10.238.53.0/24", mine);
        ok("network", "create", "--subnet", "10.238.54.0/24", other);
        ok("network", "rm", mine, other);
        assertThat(events(since, mine, "{{.Actor.Attributes.name}}")).containsOnly(mine);
    }
}
