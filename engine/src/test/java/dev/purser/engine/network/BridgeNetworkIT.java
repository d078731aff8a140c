package dev.purser.engine.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.purser.engine.container.Container;
import dev.purser.engine.container.ContainerStartException;
import dev.purser.engine.container.HostConfig;
import dev.purser.engine.runtime.Linux;
import dev.purser.engine.testing.TestEngine;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Containers on the default bridge, with real veths, addresses and routes (root). */
class BridgeNetworkIT {
    private static final Linux LINUX = new Linux();
    private static TestEngine engine;

    @BeforeAll
    static void start() {
        engine = TestEngine.start();
    }

    @AfterAll
    static void stop() {
        engine.close();
    }

    private static HostConfig network(String mode) {
        return new HostConfig(null, null, null, false, false, null, 0, 0, 0, 0, null, mode, false, null, null);
    }

    private static Networks networks() {
        return engine.engine().networks();
    }

    private static List<String> hostLinks() {
        try (RouteSocket host = RouteSocket.inHost(LINUX)) {
            return host.links().stream().map(Link::name).sorted().toList();
        }
    }

    @Test
    void bridgedContainerHasEth0WithItsAddressAndTheDefaultRouteViaTheBridge() {
        Container c = engine.create(TestEngine.config("sh", "-c", "sleep 30"), null);
        engine.engine().containers().start(c.id());
        try {
            Endpoint e = engine.engine().containers().endpoint(c.id()).orElseThrow();
            Ipv4Cidr bridge = networks().bridge().bridgeAddress();
            assertThat(bridge.contains(e.address())).isTrue();
            assertThat(e.gateway()).isEqualTo(bridge.address());
            assertThat(e.macAddress()).isEqualTo(e.address().dockerMac());
            try (RouteSocket inside = RouteSocket.inNamespaceOf(LINUX, engine.engine().containers().get(c.id()).state().pid())) {
                Link eth0 = inside.link("eth0").orElseThrow();
                assertThat(eth0.up()).isTrue();
                assertThat(eth0.mac()).isEqualTo(e.macAddress());
                assertThat(inside.addresses()).contains(new InterfaceAddress(eth0.index(), new Ipv4Cidr(e.address(), bridge.prefixLength())));
            }
            try (RouteSocket host = RouteSocket.inHost(LINUX)) {
                assertThat(host.link(e.hostInterface()).orElseThrow().master())
                        .isEqualTo(host.link(networks().bridge().bridgeName()).orElseThrow().index());
            }
        } finally {
            engine.engine().containers().remove(c.id(), true);
        }
    }

    @Test
    void processSeesItsInterfacesFromItsFirstInstruction() {
        String out = engine.output("sh", "-c", "ip -o -4 addr show eth0; ip route");
        assertThat(out).contains("eth0").contains("inet " + networks().bridge().bridgeAddress().subnet().network().toString().replaceAll("\\.0$", "."))
                .contains("default via " + networks().bridge().bridgeAddress().address() + " dev eth0");
    }

    @Test
    void twoBridgedContainersReachEachOther() {
        Container server = engine.create(TestEngine.config("sh", "-c", "sleep 60"), null);
        engine.engine().containers().start(server.id());
        try {
            String address = engine.engine().containers().endpoint(server.id()).orElseThrow().address().toString();
            Container client = engine.create(TestEngine.config("ping", "-c1", "-W5", address), null);
            assertThat(engine.runToExit(client)).as(engine.logs(client)).isZero();
        } finally {
            engine.engine().containers().remove(server.id(), true);
        }
    }

    @Test
    void netNoneHasOnlyLoopback() {
        Container c = engine.create(TestEngine.config("cat", "/proc/net/dev"), network("none"));
        engine.runToExit(c);
        List<String> names = engine.logs(c).lines().filter(l -> l.contains(":"))
                .map(l -> l.substring(0, l.indexOf(':')).strip()).toList();
        assertThat(names).containsExactly("lo");
        assertThat(engine.engine().containers().endpoint(c.id())).isEmpty();
    }

    @Test
    void stopReleasesTheAddressAndTheVeth() {
        List<String> before = hostLinks();
        Container c = engine.create(TestEngine.config("sh", "-c", "sleep 30"), null);
        engine.engine().containers().start(c.id());
        String veth = engine.engine().containers().endpoint(c.id()).orElseThrow().hostInterface();
        assertThat(hostLinks()).contains(veth);
        engine.engine().containers().stop(c.id(), 0);
        assertThat(engine.engine().containers().endpoint(c.id())).isEmpty();
        assertThat(hostLinks()).isEqualTo(before);
        engine.engine().containers().remove(c.id(), false);
    }

    @Test
    void failedStartLeavesNoVethAndNoLease() {
        List<String> before = hostLinks();
        Container c = engine.create(TestEngine.config("/no/such/command"), null);
        assertThatThrownBy(() -> engine.engine().containers().start(c.id())).isInstanceOf(ContainerStartException.class);
        assertThat(engine.engine().containers().endpoint(c.id())).isEmpty();
        assertThat(networks().attachedContainers()).doesNotContain(c.id());
        assertThat(hostLinks()).isEqualTo(before);
    }

    @Test
    void addressesAreNotSharedByRunningContainers() {
        Container a = engine.create(TestEngine.config("sh", "-c", "sleep 30"), null);
        Container b = engine.create(TestEngine.config("sh", "-c", "sleep 30"), null);
        engine.engine().containers().start(a.id());
        engine.engine().containers().start(b.id());
        try {
            assertThat(engine.engine().containers().endpoint(a.id()).orElseThrow().address())
                    .isNotEqualTo(engine.engine().containers().endpoint(b.id()).orElseThrow().address());
        } finally {
            engine.engine().containers().remove(a.id(), true);
            engine.engine().containers().remove(b.id(), true);
        }
    }

    @Test
    void outboundTrafficIsMasqueradedToATestHostInATestNamespace() {
        // the test host knows only its own /24: it can answer the bridge's containers only if
        // their packets arrive from the host's address there (masqueraded)
        try (TestNamespace testHost = TestNamespace.create()) {
            String hostEnd = "pth" + testHost.name.substring(4, 10);
            TestNamespace.run("ip", "link", "add", hostEnd, "type", "veth", "peer", "name", "eth1", "netns", testHost.name);
            try {
                TestNamespace.run("ip", "addr", "add", "10.77.213.1/24", "dev", hostEnd);
                TestNamespace.run("ip", "link", "set", hostEnd, "up");
                testHost.exec("ip", "addr", "add", "10.77.213.2/24", "dev", "eth1");
                testHost.exec("ip", "link", "set", "eth1", "up");
                testHost.exec("ip", "link", "set", "lo", "up");
                assertThat(testHost.exec("ip", "route")).doesNotContain("default").doesNotContain("172.");
                Container c = engine.create(TestEngine.config("ping", "-c1", "-W5", "10.77.213.2"), null);
                assertThat(engine.runToExit(c)).as(engine.logs(c)).isZero();
            } finally {
                try (RouteSocket host = RouteSocket.inHost(LINUX)) {
                    host.deleteLinkIfPresent(hostEnd);
                }
            }
        }
    }
}
