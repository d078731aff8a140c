package dev.purser.engine.network.ports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PortRequestTest {
    @Test
    void publishAllBindsEveryExposedPortWithoutBindings() {
        PortRequest r = PortRequest.of(Map.of("80/tcp", List.of(new PortBinding("", "8080"))), true,
                Map.of("80/tcp", Map.of(), "443/tcp", Map.of()));
        assertThat(r.bindings().get(ContainerPort.parse("80/tcp"))).containsExactly(new PortBinding("", "8080"));
        assertThat(r.bindings().get(ContainerPort.parse("443/tcp"))).containsExactly(new PortBinding("", ""));
    }

    @Test
    void exposedPortsAreNotPublishedWithoutPublishAll() {
        PortRequest r = PortRequest.of(Map.of(), false, Map.of("80/tcp", Map.of()));
        assertThat(r.publishesAny()).isFalse();
        assertThat(r.ports()).containsExactly(new ContainerPort(80, "tcp"));
    }

    @Test
    void bareContainerPortIsTcp() {
        assertThat(ContainerPort.parse("53")).isEqualTo(new ContainerPort(53, "tcp"));
        assertThat(ContainerPort.parse("53/UDP")).isEqualTo(new ContainerPort(53, "udp"));
    }

    @Test
    void containerPortRangeKeyIsRefusedInTheDaemonsWords() {
        assertThatThrownBy(() -> PortRequest.of(Map.of("80-81/tcp", List.of()), false, Map.of()))
                .hasMessage("invalid port specification: \"80-81\"");
    }

    @Test
    void hostPortBeyond65535IsRefused() {
        assertThatThrownBy(() -> PortRequest.of(Map.of("80/tcp", List.of(new PortBinding("", "70000"))), false, Map.of()))
                .hasMessage("invalid port specification: \"70000\"");
    }

    @Test
    void sctpIsRefusedByName() {
        assertThatThrownBy(() -> PortRequest.of(Map.of("80/sctp", List.of(new PortBinding("", ""))), false, Map.of()))
                .hasMessageContaining("sctp");
    }

    @Test
    void joinedNetworkRefusesPublishingAndExposing() {
        assertThatThrownBy(() -> PortRequest.refuseConflicts("container:web", Map.of("80/tcp", List.of()), false, Map.of()))
                .hasMessage("conflicting options: port publishing and the container type network mode");
        assertThatThrownBy(() -> PortRequest.refuseConflicts("container:web", Map.of(), false, Map.of("80/tcp", Map.of())))
                .hasMessage("conflicting options: port exposing and the container type network mode");
    }

    @Test
    void hostNetworkWarnsThatBindingsAreDiscarded() {
        assertThat(PortRequest.warnings("host", Map.of("80/tcp", List.of())))
                .containsExactly("Published ports are discarded when using host network mode");
        assertThat(PortRequest.warnings("default", Map.of("80/tcp", List.of()))).isEmpty();
    }

    @Test
    void everyAddressIsShownAsBothFamiliesWhereTheHostHasIpv6() {
        assertThat(HostAddress.parse("", true).shown()).containsExactly("0.0.0.0", "::");
        assertThat(HostAddress.parse("", false).shown()).containsExactly("0.0.0.0");
        assertThat(HostAddress.parse("[::1]", true).shown()).containsExactly("::1");
    }

    @Test
    void hostNameIsNoAddress() {
        assertThatThrownBy(() -> HostAddress.parse("localhost", true)).hasMessage("invalid IP address: localhost");
    }
}
