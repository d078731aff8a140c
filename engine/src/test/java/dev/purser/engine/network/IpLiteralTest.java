package dev.purser.engine.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class IpLiteralTest {
    @Test
    void ipv6IsWrittenInItsCanonicalShortForm() {
        assertThat(IpLiteral.parse("2001:0db8:0:0:0:0:0:0001").toString()).isEqualTo("2001:db8::1");
        assertThat(IpLiteral.parse("0:0:0:0:0:0:0:1").toString()).isEqualTo("::1");
        assertThat(IpLiteral.parse("fe00::0").toString()).isEqualTo("fe00::");
    }

    @Test
    void theLongestRunOfZerosIsTheOneShortened() {
        assertThat(IpLiteral.parse("1:0:0:2:0:0:0:3").toString()).isEqualTo("1:0:0:2::3");
    }

    @Test
    void ipv4MappedAddressIsWrittenAsIpv4() {
        assertThat(IpLiteral.parse("::ffff:10.1.2.3").toString()).isEqualTo("10.1.2.3");
    }

    @Test
    void leadingZerosInIpv4AreRefusedAsGo() {
        assertThatThrownBy(() -> IpLiteral.parse("010.0.0.1")).hasMessage("IP address is not correctly formatted: 010.0.0.1");
    }

    @Test
    void aHostNameIsNotALiteral() {
        assertThatThrownBy(() -> IpLiteral.parse("example.org")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> IpLiteral.parse("1:2")).isInstanceOf(IllegalArgumentException.class);
    }
}
