package dev.purser.engine.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class Ipv4Test {
    @Test
    void cidrKnowsItsSubnetAndBroadcast() {
        Ipv4Cidr bip = Ipv4Cidr.parse("172.17.0.1/16");
        assertThat(bip.network()).hasToString("172.17.0.0");
        assertThat(bip.broadcast()).hasToString("172.17.255.255");
        assertThat(bip.contains(Ipv4Address.parse("172.17.3.4"))).isTrue();
        assertThat(bip.contains(Ipv4Address.parse("172.18.0.1"))).isFalse();
    }

    @Test
    void overlappingSubnetsAreSeen() {
        assertThat(Ipv4Cidr.parse("172.17.0.0/16").overlaps(Ipv4Cidr.parse("172.17.5.0/24"))).isTrue();
        assertThat(Ipv4Cidr.parse("172.17.5.0/24").overlaps(Ipv4Cidr.parse("172.17.0.0/16"))).isTrue();
        assertThat(Ipv4Cidr.parse("172.17.0.0/16").overlaps(Ipv4Cidr.parse("172.18.0.0/16"))).isFalse();
    }

    @Test
    void dockerMacIs0242AndTheAddress() {
        assertThat(Ipv4Address.parse("172.17.0.2").dockerMac()).isEqualTo("02:42:ac:11:00:02");
    }

    @Test
    void inetIsTheSameAddressForSockets() {
        assertThat(Ipv4Address.parse("10.213.60.2").inet().getHostAddress()).isEqualTo("10.213.60.2");
        assertThat(Ipv4Address.parse("172.17.255.254").inet().getAddress()).containsExactly(172, 17, 255, 254);
    }

    @Test
    void badInputIsNamed() {
        assertThatThrownBy(() -> Ipv4Cidr.parse("172.17.0.1")).hasMessage("invalid CIDR address: 172.17.0.1");
        assertThatThrownBy(() -> Ipv4Cidr.parse("172.17.0.300/16")).hasMessage("invalid CIDR address: 172.17.0.300/16");
        assertThatThrownBy(() -> Ipv4Cidr.parse("10.0.0.0/33")).hasMessage("invalid CIDR address: 10.0.0.0/33");
        assertThatThrownBy(() -> Ipv4Address.parse("1.2.3")).hasMessage("invalid IPv4 address: 1.2.3");
    }
}
