package dev.purser.engine.container;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.purser.engine.testing.TestEngine;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Exec instances do not live for ever: as Docker's, an ended one is forgotten a while after its
 * end, and all of a container's go with the container.
 */
class ExecLifetimeIT {
    static final OutputListener DISCARD = (stream, data, length) -> { };
    static TestEngine engine;
    static Containers containers;

    @BeforeAll
    static void startEngine() {
        engine = TestEngine.start();
        containers = engine.engine().containers();
    }

    @AfterAll
    static void stopEngine() {
        engine.close();
    }

    @Test
    void anEndedExecIsForgottenOnceItsTimeIsUp() {
        Container c = engine.start("sleep", "1000");
        Execs execs = new Execs(containers, engine.engine().events(), Duration.ZERO);
        String ended = execs.create(c.id(), ExecRequest.of("true")).id();
        assertThat(execs.start(ended, DISCARD)).isZero();

        execs.create(c.id(), ExecRequest.of("true"));

        assertThatThrownBy(() -> execs.get(ended)).isInstanceOf(Execs.NoSuchExecException.class)
                .hasMessage("No such exec instance: " + ended);
        containers.remove(c.id(), true);
    }

    @Test
    void anEndedExecStaysInspectableForAWhile() {
        Container c = engine.start("sleep", "1000");
        Execs execs = new Execs(containers, engine.engine().events());
        String ended = execs.create(c.id(), ExecRequest.of("sh", "-c", "exit 3")).id();
        execs.start(ended, DISCARD);

        execs.create(c.id(), ExecRequest.of("true"));

        assertThat(execs.get(ended).exitCode()).isEqualTo(3);
        containers.remove(c.id(), true);
    }

    @Test
    void aRunningExecIsKeptHoweverLongItRuns() throws Exception {
        Container c = engine.start("sleep", "1000");
        Execs execs = new Execs(containers, engine.engine().events(), Duration.ZERO);
        String runningId = execs.create(c.id(), ExecRequest.of("sleep", "1000")).id();
        ExecSession session = execs.begin(runningId, DISCARD);

        execs.create(c.id(), ExecRequest.of("true"));

        assertThat(execs.get(runningId).running()).isTrue();
        containers.remove(c.id(), true);
        session.await();
    }

    @Test
    void removingTheContainerForgetsItsExecs() {
        Container c = engine.start("sleep", "1000");
        Execs execs = new Execs(containers, engine.engine().events());
        String created = execs.create(c.id(), ExecRequest.of("true")).id();
        String ended = execs.create(c.id(), ExecRequest.of("true")).id();
        execs.start(ended, DISCARD);

        containers.remove(c.id(), true);

        assertThatThrownBy(() -> execs.get(created)).isInstanceOf(Execs.NoSuchExecException.class);
        assertThatThrownBy(() -> execs.get(ended)).isInstanceOf(Execs.NoSuchExecException.class);
        assertThat(execs.size()).isZero();
    }

    @Test
    void manyEndedExecsDoNotPileUp() {
        Container c = engine.start("sleep", "1000");
        Execs execs = new Execs(containers, engine.engine().events(), Duration.ZERO);
        for (int i = 0; i < 50; i++) {
            execs.start(execs.create(c.id(), ExecRequest.of("true")).id(), DISCARD);
        }
        assertThat(execs.size()).isEqualTo(1);
        containers.remove(c.id(), true);
    }
}
