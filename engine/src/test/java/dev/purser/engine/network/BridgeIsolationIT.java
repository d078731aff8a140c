package dev.purser.engine.network;

import static org.assertj.core.api.Assertions.assertThat;

import dev.purser.engine.container.Container;
import dev.purser.engine.container.HostConfig;
import dev.purser.engine.testing.TestEngine;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The default bridge and the user-defined networks isolated from each other both ways, as
 * Docker's isolation chains do, while each still reaches its own neighbours. The engine's
 * default bridge is a bridge of the test's own ({@code pit-iso0}, 10.247.20.0/24) so that no
 * other engine on the host rewrites its rules meanwhile; user subnets 10.247.2x.0/24.
 */
class BridgeIsolationIT {
    private TestEngine engine;

    @BeforeEach
    void open() {
        engine = TestEngine.withBridge(BridgeOptions.defaults().withBridgeName("pit-iso0").withBip(Ipv4Cidr.parse("10.247.20.1/24")));
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
        engine.engine().networks().bridge().remove();
    }

    private Network create(String name, String subnet, boolean internal) {
        return engine.engine().networks().create(new NetworkRequest(name, "bridge", Ipv4Cidr.parse(subnet), null, internal, Map.of()));
    }

    private static HostConfig on(String network) {
        return new HostConfig(null, null, null, false, false, null, 0, 0, 0, 0, null, network, false, null, null);
    }

    /** A container sleeping on {@code network}, started; its address there. */
    private String target(String network) {
        Container c = engine.create(TestEngine.config("sleep", "100"), on(network));
        engine.engine().containers().start(c.id());
        Network n = engine.engine().networks().find(network).orElseThrow();
        return engine.engine().networks().endpoint(c.id(), n.id()).orElseThrow().address().toString();
    }

    /** The exit code of one ping from a new container on {@code network} to {@code address}. */
    private int ping(String network, String address) {
        Container c = engine.create(TestEngine.config("ping", "-c1", "-W3", address), on(network));
        return engine.runToExit(c);
    }

    @Test
    void containerOnTheDefaultBridgeCannotReachOneOnAUserNetwork() {
        create("purserit-iso-a", "10.247.21.0/24", false);
        String address = target("purserit-iso-a");
        assertThat(ping("purserit-iso-a", address)).as("reached from its own network").isZero();
        assertThat(ping("bridge", address)).isNotZero();
    }

    @Test
    void containerOnAUserNetworkCannotReachOneOnTheDefaultBridge() {
        create("purserit-iso-a", "10.247.21.0/24", false);
        String address = target("bridge");
        assertThat(ping("bridge", address)).as("reached from its own network").isZero();
        assertThat(ping("purserit-iso-a", address)).isNotZero();
    }

    @Test
    void userNetworkMadeBeforeAnotherCannotReachIt() {
        create("purserit-iso-a", "10.247.21.0/24", false);
        create("purserit-iso-b", "10.247.22.0/24", false);
        String address = target("purserit-iso-b");
        assertThat(ping("purserit-iso-b", address)).as("reached from its own network").isZero();
        assertThat(ping("purserit-iso-a", address)).isNotZero();
    }

    @Test
    void containerOnTheDefaultBridgeCannotReachOneOnAnInternalNetwork() {
        create("purserit-iso-a", "10.247.21.0/24", true);
        String address = target("purserit-iso-a");
        assertThat(ping("purserit-iso-a", address)).as("reached from its own network").isZero();
        assertThat(ping("bridge", address)).isNotZero();
    }

    @Test
    void removedNetworkLeavesNoIsolationRule() throws Exception {
        Network n = create("purserit-iso-a", "10.247.21.0/24", false);
        assertThat(rules()).contains("-o " + n.bridge() + " ");
        engine.engine().networks().remove(n.id());
        assertThat(rules()).doesNotContain(n.bridge());
    }

    private static String rules() throws IOException, InterruptedException {
        Process p = new ProcessBuilder("iptables", "-w", "-S").redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        return out;
    }
}
