package dev.purser.engine.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.purser.engine.testing.TestDaemon;
import dev.purser.engine.testing.TestDaemon.Result;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The stock docker CLI against purser's API where the transport matters: slow readers,
 * half-closing clients, binary stdin, clients killed mid-stream, restarts, wait and pause. The
 * chapter-2 flow of "Docker in Action" is the contract every client runs
 * (tui's ChapterTwoContract: DockerChapterTwoIT, PurserChapterTwoIT, ReferenceDockerdChapterTwoIT).
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
    void logsTailCountsTheRecordsOfBothStreams() {
        docker("run", "-d", "--name", "logger", "busybox", "sh", "-c", "echo one; sleep 0.2; echo two >&2; sleep 100");
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(30);
        while (!docker("logs", "logger").err().equals("two\n") && System.nanoTime() < deadline) {
            java.util.concurrent.locks.LockSupport.parkNanos(50_000_000);
        }
        // like Docker, --tail counts the records of both streams
        Result tail = docker("logs", "--tail", "1", "logger");
        assertThat(tail.out()).isEmpty();
        assertThat(tail.err()).isEqualTo("two\n");
        docker("rm", "-f", "logger");
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
