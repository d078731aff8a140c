package dev.purser.engine.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** A network create's subnet and {@code --ip-range} checked with the words of Docker's daemon (moby's ValidateIPAM). */
class IpamConfigTest {
    private static IpamConfig config(String subnet, String range) {
        return new IpamConfig(subnet == null ? null : Ipv4Cidr.parse(subnet), range == null ? null : Ipv4Cidr.parse(range));
    }

    @Test
    void rangeInsideTheSubnetIsSound() {
        assertThat(config("10.247.1.0/24", "10.247.1.128/25").problems()).isEmpty();
    }

    @Test
    void rangeEqualToTheSubnetIsSound() {
        assertThat(config("10.247.1.0/24", "10.247.1.0/24").problems()).isEmpty();
    }

    @Test
    void rangeOutsideTheSubnetIsRefused() {
        assertThatThrownBy(() -> config("10.247.1.0/24", "10.247.2.0/24").refuse()).isInstanceOf(NetworkRefusedException.class)
                .hasMessage("invalid network config:\ninvalid ip-range 10.247.2.0/24: parent subnet 10.247.1.0/24 doesn't contain ip-range");
    }

    @Test
    void rangeBiggerThanTheSubnetIsRefused() {
        assertThatThrownBy(() -> config("10.247.1.0/24", "10.247.0.0/16").refuse())
                .hasMessage("invalid network config:\ninvalid ip-range 10.247.0.0/16: CIDR block is bigger than its parent subnet 10.247.1.0/24");
    }

    @Test
    void rangeWithHostBitsIsRefusedNamingItsMaskedForm() {
        assertThatThrownBy(() -> config("10.247.1.0/24", "10.247.1.130/25").refuse())
                .hasMessage("invalid network config:\ninvalid ip-range 10.247.1.130/25: it should be 10.247.1.128/25");
    }

    @Test
    void subnetWithHostBitsIsRefusedNamingItsMaskedForm() {
        assertThatThrownBy(() -> config("10.247.1.7/24", null).refuse())
                .hasMessage("invalid network config:\ninvalid subnet 10.247.1.7/24: it should be 10.247.1.0/24");
    }

    @Test
    void everyProblemIsNamedAtOnceAsDockerJoinsThem() {
        assertThatThrownBy(() -> config("10.247.1.0/24", "10.247.1.5/16").refuse())
                .hasMessage("invalid network config:\n"
                        + "* invalid ip-range 10.247.1.5/16: CIDR block is bigger than its parent subnet 10.247.1.0/24\n"
                        + "* invalid ip-range 10.247.1.5/16: it should be 10.247.0.0/16");
    }

    @Test
    void rangeWithoutASubnetIsRefused() {
        assertThatThrownBy(() -> config(null, "10.247.1.0/25").refuse())
                .hasMessage("invalid network config:\ninvalid subnet : invalid CIDR block notation");
    }
}
