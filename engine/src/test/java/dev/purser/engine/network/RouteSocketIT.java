package dev.purser.engine.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.purser.engine.runtime.Linux;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** rtnetlink requests against real kernel objects, in namespaces the test makes (never the host's). */
class RouteSocketIT {
    private final Linux linux = new Linux();
    private TestNamespace host;
    private TestNamespace container;
    private RouteSocket hostSide;

    @BeforeEach
    void namespaces() {
        host = TestNamespace.create();
        container = TestNamespace.create();
        hostSide = RouteSocket.inNamespace(linux, host.file());
    }

    @AfterEach
    void cleanUp() {
        hostSide.close();
        container.close();
        host.close();
    }

    @Test
    void createsABridgeWithItsMtuAndAddress() {
        hostSide.createBridge("br-t", 1400);
        hostSide.addAddress("br-t", Ipv4Cidr.parse("10.99.0.1/24"));
        hostSide.setUp("br-t");
        Link br = hostSide.link("br-t").orElseThrow();
        assertThat(br.kind()).isEqualTo("bridge");
        assertThat(br.mtu()).isEqualTo(1400);
        assertThat(br.up()).isTrue();
        assertThat(hostSide.addresses()).contains(new InterfaceAddress(br.index(), Ipv4Cidr.parse("10.99.0.1/24")));
        assertThat(host.exec("ip", "-o", "addr", "show", "br-t")).contains("inet 10.99.0.1/24 brd 10.99.0.255");
    }

    @Test
    void vethPeerLandsInTheOtherNamespaceConfiguredAndReachesTheBridge() {
        hostSide.createBridge("br-t", 1500);
        hostSide.addAddress("br-t", Ipv4Cidr.parse("10.99.0.1/24"));
        hostSide.setUp("br-t");
        hostSide.createVeth("vt0", "eth0", container.pid(), "02:42:0a:63:00:02", 1500);
        hostSide.setMaster("vt0", "br-t");
        hostSide.setUp("vt0");
        try (RouteSocket inside = RouteSocket.inNamespaceOf(linux, container.pid())) {
            inside.setUp("lo");
            inside.setUp("eth0");
            inside.addAddress("eth0", Ipv4Cidr.parse("10.99.0.2/24"));
            inside.addDefaultRoute("eth0", Ipv4Address.parse("10.99.0.1"));
            Link eth0 = inside.link("eth0").orElseThrow();
            assertThat(eth0.mac()).isEqualTo("02:42:0a:63:00:02");
            assertThat(eth0.kind()).isEqualTo("veth");
        }
        Link port = hostSide.link("vt0").orElseThrow();
        assertThat(port.master()).isEqualTo(hostSide.link("br-t").orElseThrow().index());
        assertThat(container.exec("ip", "route")).contains("default via 10.99.0.1 dev eth0");
        assertThat(container.status("busybox", "ping", "-c1", "-W5", "10.99.0.1")).isZero();
    }

    @Test
    void deletingOneEndOfAVethRemovesBoth() {
        hostSide.createVeth("vt1", "peer1", container.pid(), null, 1500);
        assertThat(hostSide.deleteLinkIfPresent("vt1")).isTrue();
        assertThat(hostSide.link("vt1")).isEmpty();
        assertThat(container.exec("ip", "-o", "link")).doesNotContain("peer1");
        assertThat(hostSide.deleteLinkIfPresent("vt1")).isFalse();
    }

    @Test
    void mtuAndLinkDownAreSet() {
        hostSide.createBridge("br-m", 1500);
        hostSide.setUp("br-m");
        hostSide.setMtu("br-m", 1280);
        hostSide.setDown("br-m");
        Link br = hostSide.link("br-m").orElseThrow();
        assertThat(br.mtu()).isEqualTo(1280);
        assertThat(br.up()).isFalse();
    }

    @Test
    void linkMovedByNamespaceFileArrivesThere() {
        hostSide.createVeth("vt2", "peer2", 0, null, 1500);
        int fd = linux.open(container.file().toString(), Linux.O_RDONLY);
        try {
            hostSide.moveToNamespace("peer2", fd);
        } finally {
            linux.close(fd);
        }
        assertThat(hostSide.link("peer2")).isEmpty();
        assertThat(container.exec("ip", "-o", "link")).contains("peer2@");
    }

    @Test
    void refusalNamesWhatWasBeingDoneAndTheErrno() {
        hostSide.createBridge("br-d", 1500);
        assertThatThrownBy(() -> hostSide.createBridge("br-d", 1500))
                .isInstanceOf(NetlinkException.class)
                .hasMessage("creating bridge br-d: EEXIST (File exists)")
                .extracting(e -> ((NetlinkException) e).errno()).isEqualTo(17);
        assertThatThrownBy(() -> hostSide.setUp("no-such-link"))
                .hasMessage("setting no-such-link up: ENODEV (No such device)");
    }

    @Test
    void enteringANamespaceThatIsGoneFailsWithTheFile() {
        assertThatThrownBy(() -> RouteSocket.inNamespaceOf(linux, Integer.MAX_VALUE))
                .hasMessageContaining("/proc/" + Integer.MAX_VALUE + "/ns/net").hasMessageContaining("ENOENT");
    }
}
