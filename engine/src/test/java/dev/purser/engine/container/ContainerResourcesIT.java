package dev.purser.engine.container;

import static dev.purser.engine.testing.TestEngine.config;
import static org.assertj.core.api.Assertions.assertThat;

import dev.purser.engine.testing.TestEngine;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Resource limits are in force inside the container. */
class ContainerResourcesIT {
    static TestEngine engine;

    @BeforeAll
    static void startEngine() {
        engine = TestEngine.start();
    }

    @AfterAll
    static void stopEngine() {
        engine.close();
    }

    private static HostConfig limits(long memory, long nanoCpus, Long pids) {
        return new HostConfig(null, null, null, false, false, null, memory, 0, 0, nanoCpus, pids, null, false, null, null);
    }

    @Test
    void processExceedingTheMemoryLimitIsOomKilled() {
        // dd allocates its 64 MiB block buffer and fills it: far over a 16 MiB limit
        Container c = engine.create(config("dd", "if=/dev/zero", "of=/dev/null", "bs=64M", "count=1"),
                limits(16L << 20, 0, null));
        int code = engine.runToExit(c);
        ContainerState state = engine.engine().containers().get(c.id()).state();
        assertThat(code).isEqualTo(137);
        assertThat(state.oomKilled()).isTrue();
    }

    @Test
    void processWithinTheMemoryLimitIsNotOomKilled() {
        Container c = engine.create(config("dd", "if=/dev/zero", "of=/dev/null", "bs=1M", "count=1"),
                limits(64L << 20, 0, null));
        assertThat(engine.runToExit(c)).isZero();
        assertThat(engine.engine().containers().get(c.id()).state().oomKilled()).isFalse();
    }

    @Test
    void pidsLimitStopsForks() {
        Container c = engine.create(config("sh", "-c", "for i in 1 2 3 4 5 6 7 8; do sleep 5 & done; wait"),
                limits(0, 0, 4L));
        engine.runToExit(c);
        assertThat(engine.logs(c, "stderr")).contains("can't fork");
    }
}
