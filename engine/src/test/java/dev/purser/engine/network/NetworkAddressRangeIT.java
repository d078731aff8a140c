package dev.purser.engine.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.purser.engine.Engine;
import dev.purser.engine.container.Container;
import dev.purser.engine.container.ContainerStartException;
import dev.purser.engine.container.HostConfig;
import dev.purser.engine.store.StateRoot;
import dev.purser.engine.testing.TestEngine;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code network create --ip-range}: containers get their addresses from the range only, the
 * gateway defaults to the range's first address, and the range is kept across engine opens.
 * Subnets 10.247.1x.0/24 are the test's own.
 */
class NetworkAddressRangeIT {
    private TestEngine engine;

    @BeforeEach
    void open() {
        engine = TestEngine.start();
    }

    @AfterEach
    void close() {
        for (Container c : engine.engine().containers().list()) {
            engine.engine().containers().remove(c.id(), true);
        }
        for (Network n : engine.engine().networks().list()) {
            if (!n.builtin()) {
                engine.engine().networks().remove(n.id());
            }
        }
        engine.close();
    }

    private Network create(String subnet, String gateway, String range) {
        return engine.engine().networks().create(new NetworkRequest("purserit-range", "bridge", Ipv4Cidr.parse(subnet),
                gateway == null ? null : Ipv4Address.parse(gateway), false, Map.of(), Ipv4Cidr.parse(range)));
    }

    private static HostConfig on(String network) {
        return new HostConfig(null, null, null, false, false, null, 0, 0, 0, 0, null, network, false, null, null);
    }

    /** Starts a container on the network and gives its address there. */
    private String startOn(Network n) {
        Container c = engine.create(TestEngine.config("sleep", "100"), on(n.name()));
        engine.engine().containers().start(c.id());
        return engine.engine().networks().endpoint(c.id(), n.id()).orElseThrow().address().toString();
    }

    @Test
    void gatewayDefaultsToTheRangesFirstAddress() {
        Network n = create("10.247.11.0/24", null, "10.247.11.128/25");
        assertThat(n.gateway()).hasToString("10.247.11.128");
        assertThat(n.ipRange()).hasToString("10.247.11.128/25");
    }

    @Test
    void containersGetAddressesFromTheRangeOnly() {
        Network n = create("10.247.11.0/24", "10.247.11.1", "10.247.11.128/25");
        assertThat(startOn(n)).isEqualTo("10.247.11.128");
        assertThat(startOn(n)).isEqualTo("10.247.11.129");
    }

    @Test
    void aFullRangeRefusesTheNextStartThoughTheSubnetHasRoom() {
        // a /31 range with the gateway in it leaves one address
        Network n = create("10.247.11.0/24", null, "10.247.11.200/31");
        assertThat(startOn(n)).isEqualTo("10.247.11.201");
        Container second = engine.create(TestEngine.config("sleep", "100"), on(n.name()));
        assertThatThrownBy(() -> engine.engine().containers().start(second.id())).isInstanceOf(ContainerStartException.class)
                .hasMessageContaining("no available IPv4 addresses");
    }

    @Test
    void refusedRangeMakesNoNetwork() {
        int before = engine.engine().networks().list().size();
        assertThatThrownBy(() -> create("10.247.11.0/24", null, "10.247.12.0/24")).isInstanceOf(NetworkRefusedException.class)
                .hasMessageContaining("doesn't contain ip-range");
        assertThat(engine.engine().networks().list()).hasSize(before);
    }

    @Test
    void rangeIsKeptWhenTheEngineOpensAgain() {
        Network n = create("10.247.11.0/24", "10.247.11.1", "10.247.11.64/26");
        engine.engine().close();
        Engine again = Engine.open(new StateRoot(engine.root()), "purser-it", null, BridgeOptions.defaults(), null);
        try {
            Network reopened = again.networks().find(n.name()).orElseThrow();
            assertThat(reopened.ipRange()).hasToString("10.247.11.64/26");
            assertThat(reopened.gateway()).hasToString("10.247.11.1");
        } finally {
            again.close();
        }
    }
}
