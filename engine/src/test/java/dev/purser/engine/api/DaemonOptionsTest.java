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

    @Test
    void bipThatIsNotACidrIsRefused() {
        assertThatThrownBy(() -> Daemon.main(new String[] {"--bip", "172.17.0.300/16"}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("invalid CIDR address: 172.17.0.300/16");
    }

    @Test
    void bipThatIsTheSubnetsOwnAddressIsRefused() {
        assertThatThrownBy(() -> Daemon.main(new String[] {"--bip", "10.5.0.0/16"}))
                .hasMessageContaining("invalid --bip 10.5.0.0/16");
    }

    @Test
    void fixedCidrOutsideTheBridgeSubnetIsRefused() {
        assertThatThrownBy(() -> Daemon.main(new String[] {"--bip", "10.5.0.1/16", "--fixed-cidr", "10.6.0.0/24"}))
                .hasMessage("--fixed-cidr 10.6.0.0/24 is not inside the bridge subnet 10.5.0.0/16");
    }

    @Test
    void mtuThatIsNotANumberIsRefused() {
        assertThatThrownBy(() -> Daemon.main(new String[] {"--mtu", "big"}))
                .hasMessage("invalid argument \"big\" for \"--mtu\" flag: parse error");
    }

    @Test
    void mtuOutOfRangeIsRefused() {
        assertThatThrownBy(() -> Daemon.main(new String[] {"--mtu", "20"}))
                .hasMessage("invalid MTU: 20 (must be between 68 and 65535)");
    }

    @Test
    void booleanNetworkFlagsTakeOnlyBooleans() {
        assertThatThrownBy(() -> Daemon.main(new String[] {"--iptables=maybe"}))
                .hasMessage("invalid boolean value \"maybe\" for --iptables");
    }

    @Test
    void iccFalseWithoutIptablesIsRefusedAsDockerDoes() {
        assertThatThrownBy(() -> Daemon.main(new String[] {"--icc=false", "--iptables=false"}))
                .hasMessage("You specified --iptables=false with --icc=false. ICC=false can only be used if iptables=true");
    }
}
