package dev.purser.engine.network.ports;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HostPortsTest {
    private static final HostAddress EVERY = HostAddress.parse("", true);
    private static final HostAddress LOOPBACK = HostAddress.parse("127.0.0.1", true);
    private static final HostAddress OTHER = HostAddress.parse("127.0.0.2", true);
    private static final HostAddress V6_LOOPBACK = HostAddress.parse("::1", true);

    @Test
    void portHeldOnEveryAddressIsHeldOnEachOne() {
        HostPorts ports = new HostPorts(new PortRange(40000, 40010));
        ports.take("a", "tcp", 8080, EVERY);
        assertThat(ports.holder("tcp", 8080, LOOPBACK)).isEqualTo("a");
        assertThat(ports.holder("tcp", 8080, V6_LOOPBACK)).isEqualTo("a");
    }

    @Test
    void portHeldOnOneAddressLeavesAnotherAddressFree() {
        HostPorts ports = new HostPorts(new PortRange(40000, 40010));
        ports.take("a", "tcp", 8080, LOOPBACK);
        assertThat(ports.holder("tcp", 8080, OTHER)).isNull();
        assertThat(ports.holder("tcp", 8080, EVERY)).isEqualTo("a");
    }

    @Test
    void tcpAndUdpPortsAreApart() {
        HostPorts ports = new HostPorts(new PortRange(40000, 40010));
        ports.take("a", "tcp", 53, EVERY);
        assertThat(ports.holder("udp", 53, EVERY)).isNull();
    }

    @Test
    void releaseFreesEveryPortOfTheOwner() {
        HostPorts ports = new HostPorts(new PortRange(40000, 40010));
        ports.take("a", "tcp", 8080, EVERY);
        ports.take("a", "udp", 8080, EVERY);
        ports.take("b", "tcp", 8081, EVERY);
        ports.release("a");
        assertThat(ports.holder("tcp", 8080, EVERY)).isNull();
        assertThat(ports.heldBy("b")).isEqualTo(1);
    }

    @Test
    void dynamicPortsContinueAfterTheLastOneGivenOutAndWrapAround() {
        HostPorts ports = new HostPorts(new PortRange(40000, 40002));
        assertThat(ports.candidates("tcp", null)).containsExactly(40000, 40001, 40002);
        ports.take("a", "tcp", 40001, EVERY);
        assertThat(ports.candidates("tcp", null)).containsExactly(40002, 40000, 40001);
    }

    @Test
    void askedRangeIsTriedFromItsStart() {
        HostPorts ports = new HostPorts(new PortRange(40000, 40002));
        assertThat(ports.candidates("tcp", new PortRange(8000, 8002))).containsExactly(8000, 8001, 8002);
    }

    @Test
    void unreadableRangeFileGivesDockersDefault() {
        assertThat(HostPorts.readRange(java.nio.file.Path.of("/nonexistent"))).isEqualTo(new PortRange(49153, 65535));
    }

    @Test
    void hostsRangeFileIsRead() {
        PortRange r = HostPorts.readRange(java.nio.file.Path.of("/proc/sys/net/ipv4/ip_local_port_range"));
        assertThat(r.first()).isLessThan(r.last());
    }
}
