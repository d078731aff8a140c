package dev.purser.engine.network;

import static org.assertj.core.api.Assertions.assertThat;

import dev.purser.engine.Engine;
import dev.purser.engine.container.Container;
import dev.purser.engine.container.CreateRequest;
import dev.purser.engine.store.StateRoot;
import dev.purser.engine.testing.BusyboxImage;
import dev.purser.engine.testing.TestEngine;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** {@code --icc=false}: containers on the bridge cannot reach each other; the bridge (gateway) still answers. */
class IccIT {
    @Test
    void withIccFalseANeighbourOnTheBridgeIsUnreachableButTheGatewayIsNot() throws Exception {
        Path root = Files.createDirectories(Path.of("/tmp/purser-it", "icc-" + UUID.randomUUID().toString().substring(0, 8)));
        BridgeOptions options = BridgeOptions.defaults().withBridgeName("pit-icc").withBip(Ipv4Cidr.parse("10.214.0.1/24")).withIcc(false);
        Engine engine = Engine.open(new StateRoot(root), "purser-it", null, options, null);
        try {
            engine.images().importRootfs(new ByteArrayInputStream(BusyboxImage.rootfsTar()), TestEngine.IMAGE, List.of(), "");
            Container server = engine.containers().create(new CreateRequest(null, TestEngine.config("sleep", "60"), null));
            engine.containers().start(server.id());
            String neighbour = engine.containers().endpoint(server.id()).orElseThrow().address().toString();
            assertThat(run(engine, "ping", "-c1", "-W2", neighbour)).isNotZero();
            assertThat(run(engine, "ping", "-c1", "-W5", "10.214.0.1")).isZero();
        } finally {
            engine.close();
            for (Container c : engine.containers().list()) {
                engine.containers().remove(c.id(), true);
            }
            engine.networks().bridge().remove();
        }
    }

    private static int run(Engine engine, String... cmd) throws Exception {
        Container c = engine.containers().create(new CreateRequest(null, TestEngine.config(cmd), null));
        engine.containers().start(c.id());
        return engine.containers().waitNotRunning(c.id()).get(60, TimeUnit.SECONDS);
    }
}
