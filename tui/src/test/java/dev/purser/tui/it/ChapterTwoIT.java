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
 * The purser CLI, in-process, against a real daemon: the commands around chapter 2 of "Docker in
 * Action" that the contract does not cover (exec options, stats, events, image management,
 * prune, stdin), on a busybox image imported with {@code purser import}. The chapter-2 flow
 * itself is {@link ChapterTwoContract}, run by every client.
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
    void psFormatsOfTheUserShowCreatedAtWhereTheTableLeavesItOut() {
        purser("create", "--name", "ps-created", "busybox", "true");
        Result custom = purser("ps", "-a", "--filter", "name=ps-created", "--format", "{{.Names}} {{.CreatedAt}}");
        assertThat(custom.exitCode()).as(custom.err()).isZero();
        assertThat(custom.outLine()).matches("ps-created \\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2} [+-]\\d{4} \\S+");
        Result json = purser("ps", "-a", "--filter", "name=ps-created", "--format", "{{json .}}");
        assertThat(json.outLine()).contains("\"CreatedAt\":\"").contains("\"Names\":\"ps-created\"");
        Result table = purser("ps", "-a", "--filter", "name=ps-created");
        assertThat(table.out()).startsWith("CONTAINER ID   IMAGE     COMMAND   CREATED").contains("ps-created");
        purser("rm", "ps-created");
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
