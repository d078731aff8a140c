package dev.purser.tui.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.purser.tui.it.InProcessDaemon.Result;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The container commands of chapter 2 of "Docker in Action" (on busybox: nothing can be pulled
 * here), written once and run against every docker-compatible client (the purser CLI, the docker
 * CLI against purser, the docker CLI against a reference dockerd), as docker-java runs one test
 * kit against every transport. What Docker prints is the specification: a test that fails for
 * one client only is a difference between purser and Docker.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
abstract class ChapterTwoContract {
    /** The client under test, with busybox:latest imported. */
    abstract ContractClient client();

    private Result cli(String... args) {
        return client().run(args);
    }

    private String inspect(String format, String target) {
        return cli("inspect", "--format", format, target).outLine();
    }

    @Test
    void runDetachedPrintsTheFullId() {
        Result r = cli("run", "-d", "--name", "c2-detached", "busybox", "httpd", "-f", "-p", "80");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.outLine()).matches("[0-9a-f]{64}");
        cli("rm", "-f", "c2-detached");
    }

    @Test
    void psListsARunningContainer() {
        cli("run", "-d", "--name", "c2-ps", "busybox", "httpd", "-f", "-p", "80");
        Result r = cli("ps");
        assertThat(r.out()).startsWith("CONTAINER ID   IMAGE     COMMAND");
        assertThat(r.out()).contains("\"httpd -f -p 80\"").contains("Up ").contains("c2-ps");
        cli("rm", "-f", "c2-ps");
    }

    @Test
    void secondContainerWithTheSameNameIsRefused() {
        cli("run", "-d", "--name", "c2-twice", "busybox", "sleep", "100");
        Result r = cli("run", "-d", "--name", "c2-twice", "busybox", "sleep", "100");
        assertThat(r.exitCode()).isEqualTo(125);
        assertThat(r.err()).contains("Conflict. The container name \"/c2-twice\" is already in use");
        cli("rm", "-f", "c2-twice");
    }

    @Test
    void renameKeepsTheContainerUnderItsNewName() {
        cli("run", "-d", "--name", "c2-old", "busybox", "sleep", "100");
        Result r = cli("rename", "c2-old", "c2-new");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).isEmpty();
        assertThat(inspect("{{.Name}}", "c2-new")).isEqualTo("/c2-new");
        assertThat(cli("inspect", "c2-old").exitCode()).isEqualTo(1);
        cli("rm", "-f", "c2-new");
    }

    @Test
    void execPsShowsTheServerAsPidOne() {
        cli("run", "-d", "--name", "c2-exec", "busybox", "httpd", "-f", "-p", "80");
        Result r = cli("exec", "c2-exec", "ps");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).containsPattern("\\s+1 root\\s+httpd -f -p 80");
        cli("rm", "-f", "c2-exec");
    }

    @Test
    void logsShowTheContainersOutputOnItsOwnStreams() {
        cli("run", "-d", "--name", "c2-logger", "busybox", "sh", "-c", "echo one; echo two >&2; sleep 100");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        Result r = cli("logs", "c2-logger");
        while (!(r.out().equals("one\n") && r.err().equals("two\n")) && System.nanoTime() < deadline) {
            LockSupport.parkNanos(50_000_000);
            r = cli("logs", "c2-logger");
        }
        assertThat(r.out()).isEqualTo("one\n");
        assertThat(r.err()).isEqualTo("two\n");
        cli("rm", "-f", "c2-logger");
    }

    @Test
    void topListsTheContainersProcesses() {
        cli("run", "-d", "--name", "c2-top", "busybox", "httpd", "-f", "-p", "80");
        Result r = cli("top", "c2-top");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out().lines().findFirst().orElse("")).startsWith("UID").contains("PID").contains("CMD");
        assertThat(r.out()).contains("httpd -f -p 80");
        cli("rm", "-f", "c2-top");
    }

    @Test
    void stoppedContainerInspectsAsNotRunning() {
        cli("run", "-d", "--name", "c2-stop", "busybox", "httpd", "-f", "-p", "80");
        Result stop = cli("stop", "c2-stop");
        assertThat(stop.exitCode()).as(stop.err()).isZero();
        assertThat(stop.outLine()).isEqualTo("c2-stop");
        assertThat(inspect("{{.State.Running}} {{.State.Status}}", "c2-stop")).isEqualTo("false exited");
        cli("rm", "c2-stop");
    }

    @Test
    void containersStartInDependencyOrder() {
        for (String name : new String[] {"c2dep-db", "c2dep-app", "c2dep-web"}) {
            assertThat(cli("create", "--name", name, "busybox", "sleep", "100").exitCode()).isZero();
        }
        for (String name : new String[] {"c2dep-db", "c2dep-app", "c2dep-web"}) {
            Result r = cli("start", name);
            assertThat(r.exitCode()).as(r.err()).isZero();
            assertThat(r.outLine()).isEqualTo(name);
        }
        Result ps = cli("ps", "--filter", "name=c2dep-", "--format", "{{.Names}} {{.State}}");
        assertThat(ps.out().lines()).containsExactlyInAnyOrder("c2dep-db running", "c2dep-app running", "c2dep-web running");
        cli("rm", "-f", "c2dep-db", "c2dep-app", "c2dep-web");
    }

    @Test
    void removingARunningContainerFailsUntilForced() {
        cli("run", "-d", "--name", "c2-rm", "busybox", "sleep", "100");
        Result refused = cli("rm", "c2-rm");
        assertThat(refused.exitCode()).isEqualTo(1);
        // dockerd 20.10 says "Stop the container before attempting removal", later ones "stop the container before removing"
        assertThat(refused.err()).startsWith("Error response from daemon: ").containsIgnoringCase("stop the container before");
        Result forced = cli("rm", "-f", "c2-rm");
        assertThat(forced.exitCode()).as(forced.err()).isZero();
        assertThat(forced.outLine()).isEqualTo("c2-rm");
        assertThat(cli("ps", "-a", "--filter", "name=c2-rm", "-q").out()).isEmpty();
    }

    @Test
    void runWithRmPrintsAndLeavesNothingBehind() {
        String before = cli("ps", "-aq").out();
        Result r = cli("run", "--rm", "busybox", "echo", "hi");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).isEqualTo("hi\n");
        assertThat(cli("ps", "-aq").out()).isEqualTo(before);
    }

    @Test
    void restartPolicyIsRecorded() {
        cli("run", "-d", "--name", "c2-policy", "--restart", "always", "busybox", "sleep", "100");
        assertThat(inspect("{{.HostConfig.RestartPolicy.Name}}", "c2-policy")).isEqualTo("always");
        cli("rm", "-f", "c2-policy");
    }

    @Test
    void envFlagReachesTheContainer() {
        Result r = cli("run", "--rm", "--env", "MY_ENVIRONMENT_VAR=this is a test", "busybox", "env");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out().lines()).contains("MY_ENVIRONMENT_VAR=this is a test");
    }

    @Test
    void runExitsWithTheContainersCode() {
        assertThat(cli("run", "--rm", "busybox", "sh", "-c", "exit 3").exitCode()).isEqualTo(3);
    }

    @Test
    void runOfAMissingCommandExits127() {
        Result r = cli("run", "--rm", "busybox", "no-such-command");
        assertThat(r.exitCode()).isEqualTo(127);
        assertThat(r.err()).contains("executable file not found");
    }

    @Test
    void saveAndLoadRoundTrip() throws Exception {
        assertThat(cli("tag", "busybox", "c2-roundtrip:v1").exitCode()).isZero();
        Path tar = client().scratch().resolve("c2-roundtrip.tar");
        Result save = cli("save", "-o", tar.toString(), "c2-roundtrip:v1");
        assertThat(save.exitCode()).as(save.err()).isZero();
        assertThat(Files.size(tar)).isPositive();
        Result rmi = cli("rmi", "c2-roundtrip:v1");
        assertThat(rmi.exitCode()).as(rmi.err()).isZero();
        assertThat(rmi.out()).startsWith("Untagged: c2-roundtrip:v1");
        Result load = cli("load", "-i", tar.toString());
        assertThat(load.exitCode()).as(load.err()).isZero();
        assertThat(load.out()).contains("Loaded image: c2-roundtrip:v1");
        assertThat(cli("run", "--rm", "c2-roundtrip:v1", "echo", "loaded").out()).isEqualTo("loaded\n");
        cli("rmi", "c2-roundtrip:v1");
    }
}
