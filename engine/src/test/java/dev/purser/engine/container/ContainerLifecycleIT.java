package dev.purser.engine.container;

import static dev.purser.engine.testing.TestEngine.config;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.purser.engine.container.naming.ContainerLookupException;
import dev.purser.engine.testing.TestEngine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Docker's states and transitions: create, start, stop, kill, pause, restart, rename, remove. */
class ContainerLifecycleIT {
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

    private static Container named(String name, String... cmd) {
        return containers.create(new CreateRequest(name, config(cmd), null));
    }

    @Test
    void createdContainerIsInStateCreated() {
        Container c = named(null, "true");
        assertThat(c.state().status()).isEqualTo("created");
        assertThat(c.id()).matches("[0-9a-f]{64}");
        assertThat(c.name()).matches("/[a-z]+_[a-z]+[0-9]*");
        assertThat(c.path()).isEqualTo("true");
    }

    @Test
    void startedContainerIsRunningWithItsPid() {
        Container c = engine.start("sleep", "1000");
        ContainerState s = containers.get(c.id()).state();
        assertThat(s.status()).isEqualTo("running");
        assertThat(s.running()).isTrue();
        assertThat(s.pid()).isPositive();
        assertThat(Path.of("/proc/" + s.pid())).exists();
        containers.remove(c.id(), true);
    }

    @Test
    void stopSendsSigtermFirst() throws Exception {
        Container c = engine.start("sh", "-c", "trap 'echo got TERM; exit 0' TERM; echo trapped; while true; do sleep 0.1; done");
        engine.awaitLog(c, "trapped\n");
        containers.stop(c.id(), 10);
        ContainerState s = containers.get(c.id()).state();
        assertThat(s.status()).isEqualTo("exited");
        assertThat(s.exitCode()).isZero();
        assertThat(engine.logs(c)).isEqualTo("trapped\ngot TERM\n");
    }

    @Test
    void stopEscalatesToSigkillAfterTheTimeout() {
        // PID 1 ignores SIGTERM when it has no handler for it, so only SIGKILL ends this one
        Container c = engine.start("sleep", "1000");
        long before = System.nanoTime();
        containers.stop(c.id(), 1);
        assertThat(System.nanoTime() - before).isGreaterThanOrEqualTo(1_000_000_000L);
        assertThat(containers.get(c.id()).state().exitCode()).isEqualTo(137);
    }

    @Test
    void stopSignalOfTheContainerIsUsed() throws Exception {
        ContainerConfig cfg = new ContainerConfig(null, null, null, false, true, true, false, false, false, List.of(),
                List.of("sh", "-c", "trap 'echo got USR1; exit 0' USR1; echo trapped; while true; do sleep 0.1; done"),
                TestEngine.IMAGE, null, null, null, null, "SIGUSR1", null);
        Container c = engine.create(cfg, null);
        containers.start(c.id());
        engine.awaitLog(c, "trapped\n");
        containers.stop(c.id(), 10);
        assertThat(engine.logs(c)).isEqualTo("trapped\ngot USR1\n");
    }

    @Test
    void killSendsTheGivenSignal() {
        Container c = engine.start("sleep", "1000");
        containers.kill(c.id(), "KILL");
        assertThat(containers.get(c.id()).state().exitCode()).isEqualTo(137);
    }

    @Test
    void killOfAStoppedContainerIsAConflict() {
        Container c = named(null, "true");
        assertThatThrownBy(() -> containers.kill(c.id(), "TERM"))
                .isInstanceOf(ContainerConflictException.class)
                .hasMessageContaining("is not running");
    }

    @Test
    void killOfAPausedContainerEndsIt() {
        Container c = engine.start("sleep", "1000");
        containers.pause(c.id());
        containers.kill(c.id(), "SIGKILL");
        ContainerState s = containers.get(c.id()).state();
        assertThat(s.status()).isEqualTo("exited");
        assertThat(s.exitCode()).isEqualTo(137);
        containers.remove(c.id(), false);
    }

    @Test
    void pauseFreezesAndUnpauseThaws() throws Exception {
        Container c = engine.start("sh", "-c", "i=0; while true; do i=$((i+1)); echo $i > /tmp/tick; sleep 0.05; done");
        awaitFileChange(c, "/tmp/tick", null);
        containers.pause(c.id());
        assertThat(containers.get(c.id()).state().status()).isEqualTo("paused");
        assertThat(containers.get(c.id()).state().paused()).isTrue();
        String frozen = containerFile(c, "/tmp/tick");
        Thread.sleep(300);   // not waiting for something: a window in which a frozen process would have ticked
        assertThat(containerFile(c, "/tmp/tick")).isEqualTo(frozen);
        containers.unpause(c.id());
        awaitFileChange(c, "/tmp/tick", frozen);
        assertThat(containerFile(c, "/tmp/tick")).isNotEqualTo(frozen);
        assertThat(containers.get(c.id()).state().status()).isEqualTo("running");
        containers.remove(c.id(), true);
    }

    /** Waits, up to 30 s, until the container's file exists and holds something other than {@code from}. */
    private void awaitFileChange(Container c, String path, String from) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        Path file = engine.root().resolve("containers").resolve(c.id()).resolve("upper" + path);
        while (!Files.exists(file) || Files.readString(file).isEmpty() || Files.readString(file).equals(from)) {
            if (System.nanoTime() > deadline) {
                return;   // the caller's assertion says what did not happen
            }
            LockSupport.parkNanos(20_000_000);
        }
    }

    private String containerFile(Container c, String path) throws Exception {
        return Files.readString(engine.root().resolve("containers").resolve(c.id()).resolve("upper" + path));
    }

    @Test
    void restartRunsTheCommandAgain() throws Exception {
        Container c = engine.start("sh", "-c", "echo run; sleep 1000");
        containers.restart(c.id(), 0);
        ContainerState s = containers.get(c.id()).state();
        assertThat(s.status()).isEqualTo("running");
        for (int i = 0; i < 250 && !engine.logs(c).equals("run\nrun\n"); i++) {
            Thread.sleep(20);
        }
        assertThat(engine.logs(c)).isEqualTo("run\nrun\n");
        containers.stop(c.id(), 0);
    }

    @Test
    void secondContainerWithTheSameNameIsRefused() {
        Container first = named("web-conflict", "true");
        assertThatThrownBy(() -> named("web-conflict", "true"))
                .isInstanceOf(ContainerConflictException.class)
                .hasMessageContaining("The container name \"/web-conflict\" is already in use by container \"" + first.id());
    }

    @Test
    void invalidNameIsRefused() {
        assertThatThrownBy(() -> named("bad name!", "true")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Invalid container name");
    }

    @Test
    void renameChangesTheName() {
        Container c = named("before-rename", "true");
        containers.rename("before-rename", "after-rename");
        assertThat(containers.get("after-rename").id()).isEqualTo(c.id());
        assertThatThrownBy(() -> containers.get("before-rename")).isInstanceOf(ContainerLookupException.class)
                .hasMessage("No such container: before-rename");
    }

    @Test
    void containerIsFoundByIdPrefix() {
        Container c = named(null, "true");
        assertThat(containers.get(c.id().substring(0, 12)).id()).isEqualTo(c.id());
    }

    @Test
    void removingARunningContainerIsRefusedUnlessForced() {
        Container c = engine.start("sleep", "1000");
        assertThatThrownBy(() -> containers.remove(c.id(), false))
                .isInstanceOf(ContainerConflictException.class)
                .hasMessageContaining("container is running: stop the container before removing or force remove");
        containers.remove(c.id(), true);
        assertThat(containers.list()).noneMatch(x -> x.id().equals(c.id()));
        assertThat(engine.root().resolve("containers").resolve(c.id())).doesNotExist();
    }

    @Test
    void autoRemoveLeavesNothingBehind() throws Exception {
        HostConfig host = new HostConfig(null, null, null, false, true, null, 0, 0, 0, 0, null, null, false, null, null);
        Container c = engine.create(config("echo", "hi"), host);
        containers.start(c.id());
        for (int i = 0; i < 200 && containers.list().stream().anyMatch(x -> x.id().equals(c.id())); i++) {
            Thread.sleep(20);
        }
        assertThat(containers.list()).noneMatch(x -> x.id().equals(c.id()));
        assertThat(engine.root().resolve("containers").resolve(c.id())).doesNotExist();
    }

    @Test
    void exitedContainerLeavesNoMountBehind() throws Exception {
        Container c = engine.create(config("true"), null);
        engine.runToExit(c);
        String mounts = Files.readString(Path.of("/proc/self/mounts"));
        assertThat(mounts).doesNotContain(c.id());
    }

    @Test
    void filesWrittenSurviveARestartOfTheContainer() {
        Container c = engine.create(config("sh", "-c", "cat /tmp/count 2>/dev/null; echo x >> /tmp/count"), null);
        engine.runToExit(c);
        engine.runToExit(c);
        assertThat(engine.logs(c)).isEqualTo("x\n");
    }
}
