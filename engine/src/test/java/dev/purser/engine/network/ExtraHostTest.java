package dev.purser.engine.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ExtraHostTest {
    @Test
    void splitsAtTheFirstColonSoIpv6AddressesKeepTheirs() {
        assertThat(ExtraHost.parse("v6:fe80::1")).isEqualTo(new ExtraHost("v6", "fe80::1"));
    }

    @Test
    void withoutAColonIsDockersBadFormat() {
        assertThatThrownBy(() -> ExtraHost.parse("nohost")).hasMessage("bad format for add-host: \"nohost\"");
    }

    @Test
    void withoutANameIsDockersBadFormat() {
        assertThatThrownBy(() -> ExtraHost.parse(":1.2.3.4")).hasMessage("bad format for add-host: \":1.2.3.4\"");
    }

    @Test
    void anAddressThatIsNotOneIsDockersInvalidIp() {
        assertThatThrownBy(() -> ExtraHost.parse("db:1.2.3")).hasMessage("invalid IP address in add-host: \"1.2.3\"");
    }

    @Test
    void aNameInPlaceOfTheAddressIsRefusedWithoutBeingLookedUp() {
        assertThatThrownBy(() -> ExtraHost.parse("db:localhost")).hasMessage("invalid IP address in add-host: \"localhost\"");
    }

    @Test
    void hostGatewayIsKeptForTheDaemonToResolve() {
        assertThat(ExtraHost.parse("gw:host-gateway").isHostGateway()).isTrue();
    }
}
