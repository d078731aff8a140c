package dev.purser.engine.container;

import static dev.purser.engine.testing.TestEngine.config;
import static org.assertj.core.api.Assertions.assertThat;

import dev.purser.engine.Engine;
import dev.purser.engine.store.StateRoot;
import dev.purser.engine.testing.TestEngine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Recovery at engine start signals a dead container's recorded pid only while that pid still
 * names the container's process: after a reboot or a pid wrap it belongs to someone else.
 */
class CrashRecoveryIT {
    TestEngine first;
    Process unrelated;

    @BeforeEach
    void startProcess() throws Exception {
        first = TestEngine.start();
        unrelated = new ProcessBuilder("sleep", "1000").start();
    }

    @AfterEach
    void cleanUp() {
        unrelated.destroyForcibly();
        first.close();
    }

    /** Writes a record saying the container runs as {@code pid}, as a daemon killed meanwhile leaves it. */
    private Path recordRunningAs(Container c, int pid) throws Exception {
        Path dir = first.root().resolve("containers").resolve(c.id());
        Container running = c.withState(c.state().running(pid, Containers.now()));
        Files.write(dir.resolve(ContainerStore.CONFIG_FILE), DockerJson.mapper().writeValueAsBytes(running));
        return dir;
    }

    private Container recoverInANewEngine(Container c) {
        try (Engine second = Engine.open(new StateRoot(first.root()), "purser-it")) {
            return second.containers().get(c.id());
        }
    }

    @Test
    void aPidNowHeldByAnUnrelatedProcessIsLeftAlone() throws Exception {
        Container c = first.create(config("sleep", "1000"), null);
        int pid = (int) unrelated.pid();
        Path dir = recordRunningAs(c, pid);
        ProcessIdentity now = ProcessIdentity.of(pid).orElseThrow();
        new ProcessIdentity(pid, now.startTicks() - 1, now.bootId()).writeTo(CrashRecovery.identityFile(dir));

        Container recovered = recoverInANewEngine(c);

        assertThat(unrelated.isAlive()).isTrue();
        assertThat(recovered.state().status()).isEqualTo("exited");
    }

    @Test
    void aRecordWithoutAProcessIdentityNeverSignalsItsPid() throws Exception {
        Container c = first.create(config("sleep", "1000"), null);
        recordRunningAs(c, (int) unrelated.pid());

        Container recovered = recoverInANewEngine(c);

        assertThat(unrelated.isAlive()).isTrue();
        assertThat(recovered.state().status()).isEqualTo("exited");
    }

    @Test
    void theContainersOwnProcessIsKilled() throws Exception {
        Container c = first.create(config("sleep", "1000"), null);
        int pid = (int) unrelated.pid();
        Path dir = recordRunningAs(c, pid);
        ProcessIdentity.of(pid).orElseThrow().writeTo(CrashRecovery.identityFile(dir));

        recoverInANewEngine(c);

        assertThat(unrelated.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(unrelated.exitValue()).isEqualTo(128 + 9);
    }

    @Test
    void anAutoRemoveContainerThatWasRunningIsRemovedAtTheNextStart() throws Exception {
        HostConfig autoRemove = new HostConfig(null, null, null, false, true, null, 0, 0, 0, 0, null, null, false, null, null);
        Container c = first.create(config("sleep", "1000"), autoRemove);
        Path dir = recordRunningAs(c, (int) unrelated.pid());

        try (Engine second = Engine.open(new StateRoot(first.root()), "purser-it")) {
            assertThat(second.containers().list()).extracting(Container::id).doesNotContain(c.id());
        }
        assertThat(dir).doesNotExist();
    }
}
