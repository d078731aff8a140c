package dev.purser.tui.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.purser.tui.it.InProcessDaemon.Result;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The purser CLI, in-process, against a real daemon through chapter 2 of "Docker in Action"
 * (on a busybox image imported with {@code purser import}: nothing can be pulled here).
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ChapterTwoIT {
    static InProcessDaemon daemon;
    static Result imported;

    @BeforeAll
    static void startDaemon() {
        daemon = InProcessDaemon.start();
        imported = daemon.importBusybox();
    }

    @AfterAll
    static void stopDaemon() {
        daemon.close();
    }

    private static Result purser(String... args) {
        return daemon.purser(args);
    }

    private static String inspect(String format, String target) {
        return purser("inspect", "--format", format, target).outLine();
    }

    @Test
    void importPrintsTheImageId() {
        assertThat(imported.exitCode()).as(imported.err()).isZero();
        assertThat(imported.outLine()).matches("sha256:[0-9a-f]{64}");
        assertThat(purser("images").out()).contains("busybox").contains("latest");
    }

    @Test
    void runDetachedPrintsTheFullId() {
        Result r = purser("run", "-d", "--name", "web-detached", "busybox", "httpd", "-f", "-p", "80");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.outLine()).matches("[0-9a-f]{64}");
        purser("rm", "-f", "web-detached");
    }

    @Test
    void psListsARunningContainer() {
        purser("run", "-d", "--name", "web-ps", "busybox", "httpd", "-f", "-p", "80");
        Result r = purser("ps");
        assertThat(r.out()).startsWith("CONTAINER ID   IMAGE     COMMAND");
        assertThat(r.out()).contains("\"httpd -f -p 80\"").contains("Up ").contains("web-ps");
        purser("rm", "-f", "web-ps");
    }

    @Test
    void secondContainerWithTheSameNameIsRefused() {
        purser("run", "-d", "--name", "web-twice", "busybox", "sleep", "100");
        Result r = purser("run", "-d", "--name", "web-twice", "busybox", "sleep", "100");
        assertThat(r.exitCode()).isEqualTo(125);
        assertThat(r.err()).contains("Conflict. The container name \"/web-twice\" is already in use");
        purser("rm", "-f", "web-twice");
    }

    @Test
    void renameKeepsTheContainerUnderItsNewName() {
        purser("run", "-d", "--name", "web-old", "busybox", "sleep", "100");
        Result r = purser("rename", "web-old", "web-new");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).isEmpty();
        assertThat(inspect("{{.Name}}", "web-new")).isEqualTo("/web-new");
        assertThat(purser("inspect", "web-old").exitCode()).isEqualTo(1);
        purser("rm", "-f", "web-new");
    }

    @Test
    void execPsShowsTheServerAsPidOne() {
        purser("run", "-d", "--name", "web-exec", "busybox", "httpd", "-f", "-p", "80");
        Result r = purser("exec", "web-exec", "ps");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).containsPattern("\\s+1 root\\s+httpd -f -p 80");
        purser("rm", "-f", "web-exec");
    }

    @Test
    void execPassesEnvironmentUserAndWorkdir() {
        purser("run", "-d", "--name", "exec-env", "busybox", "sleep", "100");
        Result r = purser("exec", "-e", "GREETING=hello", "-u", "nobody", "-w", "/tmp", "exec-env",
                "sh", "-c", "echo $GREETING; id -un; pwd");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).isEqualTo("hello\nnobody\n/tmp\n");
        purser("rm", "-f", "exec-env");
    }

    @Test
    void execExitsWithTheCommandsCode() {
        purser("run", "-d", "--name", "exec-code", "busybox", "sleep", "100");
        assertThat(purser("exec", "exec-code", "sh", "-c", "exit 5").exitCode()).isEqualTo(5);
        assertThat(purser("exec", "exec-code", "no-such-command").exitCode()).isEqualTo(127);
        purser("rm", "-f", "exec-code");
    }

    @Test
    void execDetachedRunsInTheBackground() throws Exception {
        purser("run", "-d", "--name", "exec-detached", "busybox", "sleep", "100");
        Result r = purser("exec", "-d", "exec-detached", "touch", "/tmp/marker");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).isEmpty();
        Result seen = null;
        for (int i = 0; i < 100; i++) {
            seen = purser("exec", "exec-detached", "ls", "/tmp/marker");
            if (seen.exitCode() == 0) break;
            Thread.sleep(50);
        }
        assertThat(seen.exitCode()).isZero();
        purser("rm", "-f", "exec-detached");
    }

    @Test
    void execInAStoppedContainerFails() {
        purser("create", "--name", "exec-stopped", "busybox", "sleep", "100");
        Result r = purser("exec", "exec-stopped", "ps");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).startsWith("Error response from daemon: ").contains("is not running");
        purser("rm", "-f", "exec-stopped");
    }

    @Test
    void logsShowTheContainersOutput() throws Exception {
        purser("run", "-d", "--name", "logger", "busybox", "sh", "-c", "echo one; echo two >&2; sleep 100");
        Result r = null;
        for (int i = 0; i < 100; i++) {
            r = purser("logs", "logger");
            if (r.out().equals("one\n") && r.err().equals("two\n")) break;
            Thread.sleep(50);
        }
        assertThat(r.out()).isEqualTo("one\n");
        assertThat(r.err()).isEqualTo("two\n");
        purser("rm", "-f", "logger");
    }

    @Test
    void topListsTheContainersProcesses() {
        purser("run", "-d", "--name", "web-top", "busybox", "httpd", "-f", "-p", "80");
        Result r = purser("top", "web-top");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out().lines().findFirst().orElse("")).contains("PID").contains("CMD");
        assertThat(r.out()).contains("httpd -f -p 80");
        purser("rm", "-f", "web-top");
    }

    @Test
    void stoppedContainerIsNotRunning() {
        purser("run", "-d", "--name", "web-stop", "busybox", "httpd", "-f", "-p", "80");
        Result stop = purser("stop", "web-stop");
        assertThat(stop.exitCode()).as(stop.err()).isZero();
        assertThat(stop.outLine()).isEqualTo("web-stop");
        // daemon bug: State.Running is missing from inspect (see the report); Status tells the same
        assertThat(inspect("{{.State.Status}}", "web-stop")).isEqualTo("exited");
        purser("rm", "web-stop");
    }

    @Test
    void containersStartInDependencyOrder() {
        for (String name : new String[] {"dep-db", "dep-app", "dep-web"}) {
            assertThat(purser("create", "--name", name, "busybox", "sleep", "100").exitCode()).isZero();
        }
        for (String name : new String[] {"dep-db", "dep-app", "dep-web"}) {
            Result r = purser("start", name);
            assertThat(r.exitCode()).as(r.err()).isZero();
            assertThat(r.outLine()).isEqualTo(name);
        }
        Result ps = purser("ps", "--filter", "name=dep-", "--format", "{{.Names}}");
        assertThat(ps.out().lines()).containsExactlyInAnyOrder("dep-db", "dep-app", "dep-web");
        purser("rm", "-f", "dep-db", "dep-app", "dep-web");
    }

    @Test
    void removingARunningContainerFailsWithoutForce() {
        purser("run", "-d", "--name", "rm-running", "busybox", "sleep", "100");
        Result r = purser("rm", "rm-running");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).startsWith("Error response from daemon: ").contains("rm-running");
        Result forced = purser("rm", "-f", "rm-running");
        assertThat(forced.exitCode()).as(forced.err()).isZero();
        assertThat(forced.outLine()).isEqualTo("rm-running");
        assertThat(purser("ps", "-a", "--filter", "name=rm-running", "-q").out()).isEmpty();
    }

    @Test
    void runWithRmPrintsAndLeavesNothingBehind() {
        String before = purser("ps", "-aq").out();
        Result r = purser("run", "--rm", "busybox", "echo", "hi");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).isEqualTo("hi\n");
        assertThat(purser("ps", "-aq").out()).isEqualTo(before);
    }

    @Test
    void restartAlwaysRestartsTheContainer() throws Exception {
        String id = purser("run", "-d", "--name", "restarter", "--restart", "always", "busybox", "date").outLine();
        assertThat(id).matches("[0-9a-f]{64}");
        int count = 0;
        for (int i = 0; i < 300 && count < 2; i++) {
            count = Integer.parseInt(inspect("{{.RestartCount}}", "restarter"));
            if (count < 2) Thread.sleep(100);
        }
        assertThat(count).isGreaterThanOrEqualTo(2);
        assertThat(purser("logs", "restarter").out().lines().count()).isGreaterThanOrEqualTo(2);
        purser("rm", "-f", "restarter");
    }

    @Test
    void restartPolicyIsRecorded() {
        purser("run", "-d", "--name", "restart-policy", "--restart", "always", "busybox", "sleep", "100");
        assertThat(inspect("{{.HostConfig.RestartPolicy.Name}}", "restart-policy")).isEqualTo("always");
        purser("rm", "-f", "restart-policy");
    }

    @Test
    void envFlagReachesTheContainer() {
        Result r = purser("run", "--rm", "--env", "MY_ENVIRONMENT_VAR=this is a test", "busybox", "env");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out().lines()).contains("MY_ENVIRONMENT_VAR=this is a test");
    }

    @Test
    void runExitsWithTheContainersCode() {
        assertThat(purser("run", "--rm", "busybox", "sh", "-c", "exit 3").exitCode()).isEqualTo(3);
    }

    @Test
    void runOfAMissingCommandExits127() {
        Result r = purser("run", "--rm", "busybox", "no-such-command");
        assertThat(r.exitCode()).isEqualTo(127);
        assertThat(r.err()).startsWith("purser: ");
    }

    @Test
    void statsNoStreamShowsTheContainer() {
        purser("run", "-d", "--name", "stats-me", "busybox", "sleep", "100");
        Result r = purser("stats", "--no-stream", "stats-me");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).startsWith("CONTAINER ID   NAME       CPU %     MEM USAGE / LIMIT");
        assertThat(r.out().lines().skip(1).findFirst().orElse("")).contains("stats-me").containsPattern("\\d+\\.\\d\\d%")
                .containsPattern("iB / ");
        Result f = purser("stats", "--no-stream", "--format", "{{.Name}} {{.PIDs}}", "stats-me");
        assertThat(f.outLine()).isEqualTo("stats-me 1");
        purser("rm", "-f", "stats-me");
    }

    @Test
    void eventsShowCreateStartAndDie() {
        Instant since = Instant.now().minusSeconds(1);
        assertThat(purser("run", "--name", "evented", "busybox", "true").exitCode()).isZero();
        Instant until = Instant.now().plusSeconds(1);
        Result r = purser("events", "--since", String.valueOf(since.getEpochSecond()),
                "--until", String.valueOf(until.getEpochSecond()), "--filter", "container=evented");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).containsPattern("(?m)^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{9}(Z|[+-]\\d\\d:\\d\\d) container create [0-9a-f]{64} \\(image=busybox, name=evented\\)$");
        assertThat(r.out()).contains(" container start ").containsPattern("container die [0-9a-f]{64} \\(exitCode=0, image=busybox, name=evented\\)");
        Result f = purser("events", "--since", String.valueOf(since.getEpochSecond()),
                "--until", String.valueOf(until.getEpochSecond()), "--filter", "container=evented", "--format", "{{.Action}}");
        assertThat(f.out().lines()).contains("create", "start", "die");
        purser("rm", "evented");
    }

    @Test
    void saveAndLoadRoundTrip() throws Exception {
        assertThat(purser("tag", "busybox", "roundtrip:v1").exitCode()).isZero();
        Path tar = daemon.root().resolve("roundtrip.tar");
        Result save = purser("save", "-o", tar.toString(), "roundtrip:v1");
        assertThat(save.exitCode()).as(save.err()).isZero();
        assertThat(Files.size(tar)).isPositive();
        Result rmi = purser("rmi", "roundtrip:v1");
        assertThat(rmi.exitCode()).as(rmi.err()).isZero();
        assertThat(rmi.out()).startsWith("Untagged: roundtrip:v1");
        Result load = purser("load", "-i", tar.toString());
        assertThat(load.exitCode()).as(load.err()).isZero();
        assertThat(load.out()).contains("Loaded image: roundtrip:v1");
        assertThat(purser("run", "--rm", "roundtrip:v1", "echo", "loaded").out()).isEqualTo("loaded\n");
        purser("rmi", "roundtrip:v1");
    }

    @Test
    void saveToStdoutAndLoadFromStdin() {
        assertThat(purser("tag", "busybox", "piped:v1").exitCode()).isZero();
        byte[] tar = daemon.purserBytes("save", "piped:v1");
        assertThat(tar.length).isGreaterThan(1024);
        purser("rmi", "piped:v1");
        Result load = daemon.purser(new ByteArrayInputStream(tar), "load");
        assertThat(load.exitCode()).as(load.err()).isZero();
        assertThat(load.out()).contains("Loaded image: piped:v1");
        purser("rmi", "piped:v1");
    }

    @Test
    void historyShowsDockersColumns() {
        Result r = purser("history", "busybox");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).startsWith("IMAGE").contains("CREATED").contains("CREATED BY").contains("SIZE").contains("COMMENT");
        assertThat(r.out().lines().count()).isGreaterThanOrEqualTo(2);
        assertThat(purser("history", "-q", "--no-trunc", "busybox").out()).isNotEmpty();
    }

    @Test
    void rmiOfAnImageInUseFailsWithoutForce() {
        purser("tag", "busybox", "inuse:v1");
        purser("create", "--name", "uses-image", "inuse:v1", "true");
        Result r = purser("rmi", "inuse:v1");
        // a second tag points at the same image, so docker only untags it
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).isEqualTo("Untagged: inuse:v1\n");
        purser("rm", "uses-image");
    }

    @Test
    void imageManagementAliasesWork() {
        assertThat(purser("image", "tag", "busybox", "alias:v1").exitCode()).isZero();
        assertThat(purser("image", "history", "-q", "alias:v1").exitCode()).isZero();
        Result rm = purser("image", "rm", "alias:v1");
        assertThat(rm.exitCode()).as(rm.err()).isZero();
        assertThat(rm.out()).isEqualTo("Untagged: alias:v1\n");
    }

    @Test
    void containerPruneRemovesStoppedContainers() {
        String id = purser("create", "--name", "prunable", "busybox", "true").outLine();
        Result r = purser("container", "prune", "-f");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).startsWith("Deleted Containers:\n").contains(id + "\n").endsWith("\nTotal reclaimed space: 0B\n");
        assertThat(purser("inspect", "prunable").exitCode()).isEqualTo(1);
    }

    @Test
    void containerPruneAsksFirst() {
        purser("create", "--name", "kept", "busybox", "true");
        Result r = daemon.purser(new ByteArrayInputStream("n\n".getBytes()), "container", "prune");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).isEqualTo("WARNING! This will remove all stopped containers.\nAre you sure you want to continue? [y/N] ");
        assertThat(purser("inspect", "kept").exitCode()).isZero();
        purser("rm", "kept");
    }

    @Test
    void imagePruneAllRemovesUnusedImages() {
        Path tar = daemon.root().resolve("busybox-rootfs.tar");
        Result imported = purser("import", "-m", "to prune", tar.toString(), "prune-me:v1");
        assertThat(imported.exitCode()).as(imported.err()).isZero();
        purser("create", "--name", "keeps-busybox", "busybox", "true");
        Result r = purser("image", "prune", "-a", "-f");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).startsWith("Deleted Images:\n").contains("untagged: prune-me:v1").contains("Total reclaimed space: ");
        assertThat(purser("images", "-q", "busybox").out()).isNotEmpty();
        purser("rm", "keeps-busybox");
    }

    @Test
    void importFromStdinWithMessage() throws Exception {
        byte[] tar = Files.readAllBytes(daemon.root().resolve("busybox-rootfs.tar"));
        Result r = daemon.purser(new ByteArrayInputStream(tar), "import", "-m", "from stdin", "-c", "CMD [\"echo\", \"from-cmd\"]", "-", "stdin-import:v1");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.outLine()).matches("sha256:[0-9a-f]{64}");
        assertThat(purser("history", "--format", "{{.Comment}}", "stdin-import:v1").out()).contains("from stdin");
        assertThat(purser("run", "--rm", "stdin-import:v1").out()).isEqualTo("from-cmd\n");
        purser("rmi", "stdin-import:v1");
    }

    @Test
    void binaryStdinReachesRunIUnchanged() throws Exception {
        byte[] data = new byte[2_000_000];
        new java.util.Random(7).nextBytes(data);
        String expected = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("MD5").digest(data));
        Result r = daemon.purser(new ByteArrayInputStream(data), "run", "--rm", "-i", "busybox", "md5sum");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).startsWith(expected);
    }
}
