package dev.purser.engine.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.purser.engine.Engine;
import dev.purser.engine.container.Container;
import dev.purser.engine.container.HostConfig;
import dev.purser.engine.runtime.Linux;
import dev.purser.engine.store.StateRoot;
import dev.purser.engine.testing.TestEngine;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * User-defined bridge networks in the engine: each a bridge of its own with the gateway address,
 * its containers' {@code eth0} on it, isolated from other user networks, kept across engine
 * opens, and gone with nothing left on removal. Subnets 10.231.x.0/24 are the test's own.
 */
class UserNetworksIT {
    private static final Linux LINUX = new Linux();
    private TestEngine engine;

    @BeforeEach
    void open() {
        engine = TestEngine.start();
    }

    @AfterEach
    void close() {
        for (Container c : engine.engine().containers().list()) {
            engine.engine().containers().remove(c.id(), true);
        }
        for (Network n : engine.engine().networks().list()) {
            if (!n.builtin()) {
                engine.engine().networks().remove(n.id());
            }
        }
        engine.close();
    }

    private Networks networks() {
        return engine.engine().networks();
    }

    private Network create(String name, String subnet) {
        return networks().create(new NetworkRequest(name, "bridge", Ipv4Cidr.parse(subnet), null, false, Map.of()));
    }

    private static HostConfig on(String network) {
        return new HostConfig(null, null, null, false, false, null, 0, 0, 0, 0, null, network, false, null, null);
    }

    private static Optional<Link> hostLink(String name) {
        try (RouteSocket host = RouteSocket.inHost(LINUX)) {
            return host.link(name);
        }
    }

    private static List<String> hostAddresses(String device) {
        try (RouteSocket host = RouteSocket.inHost(LINUX)) {
            int index = host.link(device).orElseThrow().index();
            return host.addresses().stream().filter(a -> a.index() == index).map(a -> a.address().toString()).toList();
        }
    }

    /** Runs {@code sh -c script} on {@code network} and gives its exit code. */
    private int run(String network, String script) {
        Container c = engine.create(TestEngine.config("sh", "-c", script), on(network));
        return engine.runToExit(c);
    }

    @Test
    void createdNetworkHasABridgeNamedForItsIdWithTheGatewayAddress() {
        Network n = create("purserit-un-a", "10.231.1.0/24");
        assertThat(n.bridge()).isEqualTo("br-" + n.id().substring(0, 12));
        assertThat(hostLink(n.bridge())).map(Link::kind).contains("bridge");
        assertThat(hostAddresses(n.bridge())).containsExactly("10.231.1.1/24");
        assertThat(networks().find("purserit-un-a")).contains(n);
    }

    @Test
    void containerOnTheNetworkGetsAnAddressFromItsSubnet() {
        create("purserit-un-a", "10.231.1.0/24");
        Container c = engine.create(TestEngine.config("sh", "-c", "ip -4 addr show eth0; ip route"), on("purserit-un-a"));
        assertThat(engine.runToExit(c)).isZero();
        assertThat(engine.logs(c)).contains("inet 10.231.1.2/24").contains("default via 10.231.1.1");
    }

    @Test
    void containersOnTheSameNetworkReachEachOther() {
        Network n = create("purserit-un-a", "10.231.1.0/24");
        Container web = engine.create(TestEngine.config("sh", "-c",
                "mkdir -p /www && echo hello > /www/index.html && exec httpd -f -p 80 -h /www"), on(n.name()));
        engine.engine().containers().start(web.id());
        String ip = networks().endpoint(web.id(), n.id()).orElseThrow().address().toString();
        assertThat(run(n.name(), "for i in $(seq 1 100); do wget -q -O - http://" + ip + "/ && exit 0; sleep 0.1; done; exit 1"))
                .isZero();
    }

    @Test
    void containerOnAnotherNetworkCannotReachIt() {
        Network a = create("purserit-un-a", "10.231.1.0/24");
        create("purserit-un-b", "10.231.2.0/24");
        Container web = engine.create(TestEngine.config("sh", "-c",
                "mkdir -p /www && echo hello > /www/index.html && exec httpd -f -p 80 -h /www"), on(a.name()));
        engine.engine().containers().start(web.id());
        String ip = networks().endpoint(web.id(), a.id()).orElseThrow().address().toString();
        String fetch = "timeout 3 wget -q -O - http://" + ip + "/";
        assertThat(run(a.name(), "for i in $(seq 1 100); do " + fetch + " && exit 0; sleep 0.1; done; exit 1"))
                .as("web answers on its own network").isZero();
        assertThat(run("purserit-un-b", fetch + "; exit $?")).isNotZero();
    }

    @Test
    void subnetDefaultsToTheFirstFreeDockerPool() {
        Network n = networks().create(new NetworkRequest("purserit-un-a", "bridge", null, null, false, Map.of()));
        assertThat(n.subnet().toString()).matches("172\\.(1[8-9]|2[0-9]|3[01])\\.0\\.0/16|192\\.168\\.\\d+\\.0/20");
        assertThat(n.gateway()).isEqualTo(n.subnet().network().plus(1));
    }

    @Test
    void duplicateNameIsRefused() {
        create("purserit-un-a", "10.231.1.0/24");
        assertThatThrownBy(() -> create("purserit-un-a", "10.231.2.0/24")).isInstanceOf(NetworkRefusedException.class)
                .hasMessage("network with name purserit-un-a already exists");
    }

    @Test
    void overlappingSubnetIsRefusedAndMakesNoBridge() {
        create("purserit-un-a", "10.231.1.0/24");
        int before = networks().list().size();
        assertThatThrownBy(() -> create("purserit-un-b", "10.231.0.0/16")).isInstanceOf(NetworkRefusedException.class)
                .hasMessage("invalid pool request: Pool overlaps with other one on this address space");
        assertThat(networks().list()).hasSize(before);
    }

    @Test
    void subnetOverlappingTheDefaultBridgeIsRefusedAndMakesNoBridge() {
        Ipv4Cidr bridge = networks().bridgeNetwork().subnet();
        int before = networks().list().size();
        // the default bridge's first half
        assertThatThrownBy(() -> create("purserit-un-b", new Ipv4Cidr(bridge.network(), bridge.prefixLength() + 1).toString()))
                .isInstanceOf(NetworkRefusedException.class)
                .hasMessage("invalid pool request: Pool overlaps with other one on this address space");
        assertThat(networks().list()).hasSize(before);
    }

    @Test
    void gatewayOutsideTheSubnetIsRefused() {
        assertThatThrownBy(() -> networks().create(new NetworkRequest("purserit-un-a", "bridge", Ipv4Cidr.parse("10.231.1.0/24"),
                Ipv4Address.parse("10.231.9.1"), false, Map.of())))
                .hasMessage("no matching subnet for gateway 10.231.9.1");
        assertThat(networks().find("purserit-un-a")).isEmpty();
    }

    @Test
    void otherDriverIsRefusedNamingIt() {
        assertThatThrownBy(() -> networks().create(new NetworkRequest("purserit-un-a", "macvlan", null, null, false, Map.of())))
                .hasMessageContaining("\"macvlan\"");
    }

    @Test
    void removingANetworkWithARunningContainerIsRefused() {
        Network n = create("purserit-un-a", "10.231.1.0/24");
        Container c = engine.create(TestEngine.config("sleep", "100"), on(n.name()));
        engine.engine().containers().start(c.id());
        assertThatThrownBy(() -> networks().remove(n.name()))
                .hasMessage("error while removing network: network purserit-un-a id " + n.id() + " has active endpoints");
        assertThat(hostLink(n.bridge())).isPresent();
    }

    @Test
    void removedNetworkLeavesNoBridgeNoVethAndNoLease() {
        Network n = create("purserit-un-a", "10.231.1.0/24");
        Container c = engine.create(TestEngine.config("sleep", "100"), on(n.name()));
        engine.engine().containers().start(c.id());
        String veth = networks().endpoint(c.id(), n.id()).orElseThrow().hostInterface();
        assertThat(hostLink(veth)).map(Link::master).contains(hostLink(n.bridge()).orElseThrow().index());
        engine.engine().containers().stop(c.id(), 0);
        networks().remove(n.id());
        assertThat(hostLink(n.bridge())).isEmpty();
        assertThat(hostLink(veth)).isEmpty();
        assertThat(networks().attachedContainers(n.id())).isEmpty();
        assertThat(networks().find(n.id())).isEmpty();
        assertThat(engine.root().resolve("network/user").resolve(n.id())).doesNotExist();
    }

    @Test
    void networkComesBackWhenTheEngineOpensAgainWithoutItsLeases() {
        Network n = create("purserit-un-a", "10.231.1.0/24");
        Container c = engine.create(TestEngine.config("sleep", "100"), on(n.name()));
        engine.engine().containers().start(c.id());
        engine.engine().close();
        // the bridge gone as after a reboot: the next engine makes it again
        try (RouteSocket host = RouteSocket.inHost(LINUX)) {
            host.deleteLinkIfPresent(n.bridge());
        }
        Engine again = Engine.open(new StateRoot(engine.root()), "purser-it", null, BridgeOptions.defaults(), null);
        try {
            Networks reopened = again.networks();
            assertThat(reopened.find(n.name())).contains(n);
            assertThat(hostAddresses(n.bridge())).containsExactly("10.231.1.1/24");
            assertThat(reopened.attachedContainers(n.id())).isEmpty();
        } finally {
            again.close();
        }
    }

    private Container named(String name, String network, String... cmd) {
        return engine.engine().containers().create(new dev.purser.engine.container.CreateRequest(name, TestEngine.config(cmd),
                on(network)));
    }

    @Test
    void containerReachesAPeerStartedBeforeItByName() {
        create("purserit-un-a", "10.231.1.0/24");
        Container web = named("purserit-web", "purserit-un-a", "sh", "-c",
                "mkdir -p /www && echo hello > /www/index.html && exec httpd -f -p 80 -h /www");
        engine.engine().containers().start(web.id());
        Container client = named("purserit-client", "purserit-un-a", "sh", "-c",
                "for i in $(seq 1 100); do wget -q -O - http://purserit-web/ && exit 0; sleep 0.1; done; exit 1");
        assertThat(engine.runToExit(client)).as(engine.logs(client)).isZero();
        assertThat(engine.logs(client)).contains("hello");
    }

    @Test
    void runningContainerLearnsAPeerThatStartsAfterIt() {
        create("purserit-un-a", "10.231.1.0/24");
        // exits 0 once its own /etc/hosts (the bound file, rewritten in place) names the later peer
        Container first = named("purserit-first", "purserit-un-a", "sh", "-c",
                "for i in $(seq 1 300); do grep -q purserit-second /etc/hosts && ping -c1 -W2 purserit-second && exit 0; sleep 0.1; done; exit 1");
        engine.engine().containers().start(first.id());
        Container second = named("purserit-second", "purserit-un-a", "sleep", "100");
        engine.engine().containers().start(second.id());
        assertThat(engine.awaitExit(first)).as(engine.logs(first)).isZero();
    }

    @Test
    void peerThatStopsLeavesTheOthersHostsFiles() {
        create("purserit-un-a", "10.231.1.0/24");
        Container second = named("purserit-second", "purserit-un-a", "sleep", "100");
        engine.engine().containers().start(second.id());
        Container first = named("purserit-first", "purserit-un-a", "sh", "-c",
                "grep -q purserit-second /etc/hosts || exit 2; echo seen; "
                        + "for i in $(seq 1 300); do grep -q purserit-second /etc/hosts || exit 0; sleep 0.1; done; exit 1");
        engine.engine().containers().start(first.id());
        engine.awaitLog(first, "seen");
        engine.engine().containers().stop(second.id(), 0);
        assertThat(engine.awaitExit(first)).as(engine.logs(first)).isZero();
    }

    @Test
    void containerOnAnotherNetworkDoesNotResolveTheName() {
        create("purserit-un-a", "10.231.1.0/24");
        create("purserit-un-b", "10.231.2.0/24");
        Container web = named("purserit-web", "purserit-un-a", "sleep", "100");
        engine.engine().containers().start(web.id());
        assertThat(run("purserit-un-b", "grep purserit-web /etc/hosts")).isEqualTo(1);
    }

    @Test
    void containerCannotBeCreatedOnAnUnknownNetwork() {
        assertThatThrownBy(() -> engine.create(TestEngine.config("true"), on("purserit-un-nowhere")))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("network purserit-un-nowhere not found");
    }
}
