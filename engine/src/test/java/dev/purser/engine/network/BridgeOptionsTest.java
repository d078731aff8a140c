package dev.purser.engine.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The default bridge's daemon options that depend on each other. */
class BridgeOptionsTest {
    @Test
    void containersReachEachOtherByDefault() {
        assertThat(BridgeOptions.defaults().icc()).isTrue();
    }

    @Test
    void iccFalseWithoutIptablesIsDockersError() {
        assertThatThrownBy(() -> BridgeOptions.defaults().withIptables(false).withIcc(false))
                .hasMessage("You specified --iptables=false with --icc=false. ICC=false can only be used if iptables=true");
    }
}
