package dev.purser.engine.api;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DaemonOptionsTest {
    @Test
    void cgroupVersionOtherThanOneOrTwoIsRefused() {
        assertThatThrownBy(() -> Daemon.main(new String[] {"--cgroup-version", "3"}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("--cgroup-version must be 1 or 2, not 3");
    }

    @Test
    void hostGatewayIpThatIsNotAnAddressIsRefused() {
        assertThatThrownBy(() -> Daemon.main(new String[] {"--host-gateway-ip", "gateway.lan"}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("invalid argument \"gateway.lan\" for \"--host-gateway-ip\" flag: "
                        + "IP address is not correctly formatted: gateway.lan");
    }
}
