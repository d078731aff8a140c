package dev.purser.engine.network;

import static org.assertj.core.api.Assertions.assertThat;

import dev.purser.engine.container.Container;
import dev.purser.engine.runtime.Linux;
import dev.purser.engine.testing.TestEngine;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A hundred starts and stops on the bridge leave the host's links and the leases as they were. */
class StartStopLeakIT {
    private static final Linux LINUX = new Linux();

    static List<String> hostVeths() {
        try (RouteSocket host = RouteSocket.inHost(LINUX)) {
            return host.links().stream().filter(l -> l.kind().equals("veth")).map(Link::name).sorted().toList();
        }
    }

    @Test
    void hundredStartStopCyclesLeaveNoVethAndNoLease() {
        try (TestEngine engine = TestEngine.start()) {
            List<String> before = hostVeths();
            Container c = engine.create(TestEngine.config("sleep", "100"), null);
            for (int i = 0; i < 100; i++) {
                engine.engine().containers().start(c.id());
                assertThat(engine.engine().containers().endpoint(c.id())).isPresent();
                engine.engine().containers().stop(c.id(), 0);
            }
            assertThat(hostVeths()).isEqualTo(before);
            assertThat(engine.engine().networks().attachedContainers()).isEmpty();
        }
    }
}
