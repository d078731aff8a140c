package dev.purser.engine.network;

import static org.assertj.core.api.Assertions.assertThat;

import dev.purser.engine.container.Container;
import dev.purser.engine.container.CreateRequest;
import dev.purser.engine.container.HostConfig;
import dev.purser.engine.testing.TestEngine;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A container renamed on a user-defined network: its running peers resolve the new name at once. Subnet 10.247.40.0/24. */
class PeerRenameIT {
    private TestEngine engine;

    @BeforeEach
    void open() {
        engine = TestEngine.start();
        engine.engine().networks().create(new NetworkRequest("purserit-rename", "bridge", Ipv4Cidr.parse("10.247.40.0/24"), null,
                false, Map.of()));
    }

    @AfterEach
    void close() {
        for (Container c : engine.engine().containers().list()) {
            engine.engine().containers().remove(c.id(), true);
        }
        engine.engine().networks().remove("purserit-rename");
        engine.close();
    }

    private Container named(String name, String... cmd) {
        HostConfig host = new HostConfig(null, null, null, false, false, null, 0, 0, 0, 0, null, "purserit-rename", false, null, null);
        return engine.engine().containers().create(new CreateRequest(name, TestEngine.config(cmd), host));
    }

    @Test
    void runningPeerResolvesTheNewNameWithoutAnyStartOrStop() {
        Container renamed = named("purserit-before", "sleep", "100");
        engine.engine().containers().start(renamed.id());
        Container peer = named("purserit-peer", "sh", "-c", "grep -q purserit-before /etc/hosts || exit 2; echo seen; "
                + "for i in $(seq 1 300); do grep -q purserit-after /etc/hosts && ping -c1 -W2 purserit-after && exit 0; sleep 0.1; done; "
                + "exit 1");
        engine.engine().containers().start(peer.id());
        engine.awaitLog(peer, "seen");
        engine.engine().containers().rename(renamed.id(), "purserit-after");
        assertThat(engine.awaitExit(peer)).as(engine.logs(peer)).isZero();
    }

    @Test
    void oldNameNoLongerResolvesAfterTheRename() {
        Container renamed = named("purserit-before", "sleep", "100");
        engine.engine().containers().start(renamed.id());
        Container peer = named("purserit-peer", "sh", "-c", "grep -q purserit-before /etc/hosts || exit 2; echo seen; "
                + "for i in $(seq 1 300); do grep -q purserit-before /etc/hosts || exit 0; sleep 0.1; done; exit 1");
        engine.engine().containers().start(peer.id());
        engine.awaitLog(peer, "seen");
        engine.engine().containers().rename(renamed.id(), "purserit-after");
        assertThat(engine.awaitExit(peer)).as(engine.logs(peer)).isZero();
    }
}
