package dev.purser.engine.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.purser.engine.testing.TestDaemon;
import dev.purser.engine.testing.TestDaemon.Result;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The stock docker CLI against purser's API, through the container commands of chapter 2 of
 * "Docker in Action" (on busybox: no image can be pulled here).
 */
class DockerCliIT {
    static TestDaemon daemon;

    @BeforeAll
    static void startDaemon() {
        daemon = TestDaemon.start();
    }

    @AfterAll
    static void stopDaemon() {
        daemon.close();
    }

    private static Result docker(String... args) {
        return daemon.docker(args);
    }

    @Test
    void runDetachedPrintsTheFullId() {
        Result r = docker("run", "-d", "--name", "web-detached", "busybox", "httpd", "-f", "-p", "80");
        assertThat(r.exitCode()).isZero();
        assertThat(r.outLine()).matches("[0-9a-f]{64}");
        docker("rm", "-f", "web-detached");
    }

    @Test
    void aSlowReaderGetsAllOfAContainersOutputAfterTheClientHalfCloses() {
        // without -i the client half-closes at once; the reader starts only after the socket is full
        Result r = daemon.shell("timeout -s KILL 60 docker run --rm busybox head -c 20000000 /dev/zero | (sleep 2; wc -c)");
        assertThat(r.outLine()).isEqualTo("20000000");
    }

    @Test
    void aSlowReaderGetsAllOfAnExecsOutput() {
        docker("run", "-d", "--name", "web-slow-exec", "busybox", "sleep", "100");
        Result r = daemon.shell("timeout -s KILL 60 docker exec web-slow-exec head -c 20000000 /dev/zero | (sleep 2; wc -c)");
        assertThat(r.outLine()).isEqualTo("20000000");
        docker("rm", "-f", "web-slow-exec");
    }

    @Test
    void aShortLivedRunRmPrintsItsOutputEveryTime() {
        // the container may exit and be removed before the attach endpoint is done: nothing is lost
        Result r = daemon.shell("for i in $(seq 25); do timeout -s KILL 20 docker run --rm busybox echo hi || echo failed; done"
                + " | sort | uniq -c");
        assertThat(r.outLine()).as(r.err()).isEqualTo("25 hi");
    }

    @Test
    void clientsKilledMidStreamLeaveNothingBehindAndTheContainerRunning() throws InterruptedException {
        docker("run", "-d", "--name", "web-chatty", "busybox", "sh", "-c", "while true; do echo tick; sleep 0.02; done");
        daemon.shell("timeout -s KILL 2 docker attach web-chatty > /dev/null; timeout -s KILL 2 docker logs -f web-chatty > /dev/null");
        // the attach's connection is let go: its reader thread ends once the client is gone
        long readers = hijackedConnectionReaders();
        for (int i = 0; i < 100 && readers > 0; i++) {
            Thread.sleep(100);
            readers = hijackedConnectionReaders();
        }
        assertThat(readers).isZero();
        assertThat(docker("inspect", "-f", "{{.State.Running}}", "web-chatty").outLine()).isEqualTo("true");
        assertThat(daemon.shell("timeout -s KILL 20 docker logs --tail 1 web-chatty").outLine()).isEqualTo("tick");
        docker("rm", "-f", "web-chatty");
    }

    private static long hijackedConnectionReaders() {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().startsWith("api-raw-")).count();
    }

    @Test
    void eventsSinceZeroReplaysWhatHappened() {
        docker("create", "--name", "web-events", "busybox", "true");
        Result r = docker("events", "--since", "0", "--until", Long.toString(java.time.Instant.now().getEpochSecond() + 1),
                "--filter", "container=web-events");
        assertThat(r.out()).contains("container create").contains("name=web-events");
        docker("rm", "web-events");
    }

    @Test
    void binaryStdinGoesThroughRunIUnchanged() {
        // random bytes hold ctrl-p ctrl-q pairs: without a TTY they are data, not the detach keys
        Result r = daemon.shell("head -c 3000000 /dev/urandom > in.bin && timeout -s KILL 60 docker run --rm -i busybox cat"
                + " < in.bin > out.bin; cmp in.bin out.bin && echo same; rm -f in.bin out.bin");
        assertThat(r.outLine()).as(r.err()).isEqualTo("same");
    }

    @Test
    void binaryStdinGoesThroughExecIUnchanged() {
        docker("run", "-d", "--name", "web-exec-stdin", "busybox", "sleep", "100");
        Result r = daemon.shell("head -c 3000000 /dev/urandom > in.bin && timeout -s KILL 60 docker exec -i web-exec-stdin cat"
                + " < in.bin > out.bin; cmp in.bin out.bin && echo same; rm -f in.bin out.bin");
        assertThat(r.outLine()).as(r.err()).isEqualTo("same");
        docker("rm", "-f", "web-exec-stdin");
    }

    @Test
    void psListsARunningContainer() {
        docker("run", "-d", "--name", "web-ps", "busybox", "httpd", "-f", "-p", "80");
        Result r = docker("ps");
        assertThat(r.out()).startsWith("CONTAINER ID   IMAGE     COMMAND");
        assertThat(r.out()).contains("\"httpd -f -p 80\"").contains("Up ").contains("web-ps");
        docker("rm", "-f", "web-ps");
    }

    @Test
    void secondContainerWithTheSameNameIsRefused() {
        docker("run", "-d", "--name", "web-twice", "busybox", "sleep", "100");
        Result r = docker("run", "-d", "--name", "web-twice", "busybox", "sleep", "100");
        assertThat(r.exitCode()).isEqualTo(125);
        assertThat(r.err()).contains("Conflict. The container name \"/web-twice\" is already in use");
        docker("rm", "-f", "web-twice");
    }

    @Test
    void renamedContainerExecShowsTheServerAsPidOne() {
        docker("run", "-d", "--name", "web-rename", "busybox", "httpd", "-f", "-p", "80");
        assertThat(docker("rename", "web-rename", "web-renamed").exitCode()).isZero();
        Result r = docker("exec", "web-renamed", "ps");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).containsPattern("\\s+1 root\\s+httpd -f -p 80");
        docker("rm", "-f", "web-renamed");
    }

    @Test
    void logsShowTheContainersOutput() throws Exception {
        docker("run", "-d", "--name", "logger", "busybox", "sh", "-c", "echo one; sleep 0.2; echo two >&2; sleep 100");
        Result r = null;
        for (int i = 0; i < 100; i++) {
            r = docker("logs", "logger");
            if (r.out().equals("one\n") && r.err().equals("two\n")) {
                break;
            }
            Thread.sleep(50);
        }
        assertThat(r.out()).isEqualTo("one\n");
        assertThat(r.err()).isEqualTo("two\n");
        // like Docker, --tail counts the records of both streams
        Result tail = docker("logs", "--tail", "1", "logger");
        assertThat(tail.out()).isEmpty();
        assertThat(tail.err()).isEqualTo("two\n");
        docker("rm", "-f", "logger");
    }

    @Test
    void topListsTheContainersProcesses() {
        docker("run", "-d", "--name", "web-top", "busybox", "httpd", "-f", "-p", "80");
        Result r = docker("top", "web-top");
        assertThat(r.out()).startsWith("UID").contains("httpd -f -p 80");
        docker("rm", "-f", "web-top");
    }

    @Test
    void stoppedContainerInspectsAsNotRunning() {
        docker("run", "-d", "--name", "web-stop", "busybox", "httpd", "-f", "-p", "80");
        assertThat(docker("stop", "web-stop").outLine()).isEqualTo("web-stop");
        assertThat(docker("inspect", "--format", "{{.State.Running}}", "web-stop").outLine()).isEqualTo("false");
        docker("rm", "web-stop");
    }

    @Test
    void containersStartInDependencyOrder() {
        for (String name : new String[] {"dep-db", "dep-app", "dep-proxy"}) {
            assertThat(docker("create", "--name", name, "busybox", "sleep", "100").exitCode()).isZero();
        }
        for (String name : new String[] {"dep-db", "dep-app", "dep-proxy"}) {
            assertThat(docker("start", name).outLine()).isEqualTo(name);
        }
        Result ps = docker("ps", "--format", "{{.Names}} {{.State}}", "--filter", "name=dep-");
        assertThat(ps.out().lines()).containsExactlyInAnyOrder("dep-db running", "dep-app running", "dep-proxy running");
        docker("rm", "-f", "dep-db", "dep-app", "dep-proxy");
    }

    @Test
    void removingARunningContainerFailsUntilForced() {
        docker("run", "-d", "--name", "web-rm", "busybox", "sleep", "100");
        Result refused = docker("rm", "web-rm");
        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.err()).contains("container is running: stop the container before removing or force remove");
        assertThat(docker("rm", "-f", "web-rm").outLine()).isEqualTo("web-rm");
        assertThat(docker("ps", "-a", "--filter", "name=web-rm", "-q").out()).isEmpty();
    }

    @Test
    void runRmPrintsAndLeavesNothingBehind() {
        int before = docker("ps", "-aq").out().lines().toList().size();
        Result r = docker("run", "--rm", "busybox", "echo", "hi");
        assertThat(r.out()).isEqualTo("hi\n");
        assertThat(docker("ps", "-aq").out().lines().toList()).hasSize(before);
    }

    @Test
    void runExitsWithTheContainersExitCode() {
        assertThat(docker("run", "--rm", "busybox", "sh", "-c", "exit 3").exitCode()).isEqualTo(3);
    }

    @Test
    void runOfAMissingCommandExitsWith127() {
        Result r = docker("run", "--rm", "busybox", "no-such-command");
        assertThat(r.exitCode()).isEqualTo(127);
        assertThat(r.err()).contains("executable file not found");
    }

    @Test
    void restartAlwaysRestartsAContainerEachTimeItExits() throws Exception {
        // the delays between restarts (Docker's backoff) are RestartBackoffTest's
        String id = docker("run", "-d", "--restart", "always", "busybox", "date").outLine();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (restartCount(id) < 3 && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(restartCount(id)).isGreaterThanOrEqualTo(3);
        assertThat(docker("logs", id).out().lines().toList()).hasSizeGreaterThanOrEqualTo(3);
        docker("rm", "-f", id);
    }

    private int restartCount(String id) {
        return Integer.parseInt(docker("inspect", "--format", "{{.RestartCount}}", id).outLine());
    }

    @Test
    void envFlagReachesTheContainer() {
        Result r = docker("run", "--rm", "--env", "MY_ENVIRONMENT_VAR=this is a test", "busybox", "env");
        assertThat(r.out()).contains("MY_ENVIRONMENT_VAR=this is a test\n");
    }

    @Test
    void saveThenLoadRoundTrips() throws Exception {
        Path tar = daemon.engine().root().resolve("busybox-save.tar");
        assertThat(docker("tag", "busybox", "roundtrip:1").exitCode()).isZero();
        assertThat(docker("save", "-o", tar.toString(), "roundtrip:1").exitCode()).isZero();
        assertThat(Files.size(tar)).isPositive();
        assertThat(docker("rmi", "roundtrip:1").out()).contains("Untagged: roundtrip:1");
        Result load = docker("load", "-i", tar.toString());
        assertThat(load.out()).contains("Loaded image: roundtrip:1");
        assertThat(docker("images", "--format", "{{.Repository}}:{{.Tag}}").out()).contains("roundtrip:1");
    }

    @Test
    void waitPrintsTheExitCode() {
        String id = docker("run", "-d", "busybox", "sh", "-c", "sleep 0.2; exit 4").outLine();
        assertThat(docker("wait", id).outLine()).isEqualTo("4");
    }

    @Test
    void pauseAndUnpauseShowInPs() {
        docker("run", "-d", "--name", "pausable", "busybox", "sleep", "100");
        assertThat(docker("pause", "pausable").exitCode()).isZero();
        assertThat(docker("ps", "--filter", "name=pausable", "--format", "{{.Status}}").outLine()).endsWith("(Paused)");
        assertThat(docker("unpause", "pausable").exitCode()).isZero();
        docker("rm", "-f", "pausable");
    }
}
