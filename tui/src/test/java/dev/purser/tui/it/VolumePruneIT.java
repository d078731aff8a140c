package dev.purser.tui.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.purser.tui.it.InProcessDaemon.Result;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code purser volume prune} against a real daemon: docker's prompt, what it removes (anonymous
 * unused volumes; with -a every unused one), its filters and its report. Each test has a daemon
 * of its own, since a prune sees every volume.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class VolumePruneIT {
    InProcessDaemon daemon;
    String anonymous;

    @BeforeEach
    void startDaemon() {
        daemon = InProcessDaemon.start();
        daemon.importBusybox();
        ok("volume", "create", "named-unused");
        ok("volume", "create", "named-used");
        ok("create", "--name", "user", "-v", "named-used:/data", "busybox", "true");
        anonymous = ok("volume", "create").outLine();
    }

    @AfterEach
    void stopDaemon() {
        daemon.close();
    }

    private Result ok(String... args) {
        Result r = daemon.purser(args);
        assertThat(r.exitCode()).as(String.join(" ", args) + ": " + r.err()).isZero();
        return r;
    }

    private List<String> volumes() {
        return ok("volume", "ls", "-q").out().lines().toList();
    }

    private Result answering(String answer, String... args) {
        return daemon.purser(new ByteArrayInputStream(answer.getBytes(StandardCharsets.UTF_8)), args);
    }

    @Test
    void pruneAsksDockersQuestionAndNoRemovesNothing() {
        Result r = answering("n\n", "volume", "prune");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).isEqualTo("WARNING! This will remove anonymous local volumes not used by at least one container.\n"
                + "Are you sure you want to continue? [y/N] ");
        assertThat(volumes()).contains(anonymous, "named-unused", "named-used");
    }

    @Test
    void anEmptyAnswerIsNo() {
        answering("\n", "volume", "prune");
        assertThat(volumes()).contains(anonymous);
    }

    @Test
    void yesRemovesTheAnonymousUnusedVolumesAndKeepsNamedOnes() {
        Result r = answering("y\n", "volume", "prune");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).endsWith("[y/N] Deleted Volumes:\n" + anonymous + "\n\nTotal reclaimed space: 0B\n");
        assertThat(volumes()).containsExactlyInAnyOrder("named-unused", "named-used");
    }

    @Test
    void forceDoesNotAsk() {
        Result r = ok("volume", "prune", "-f");
        assertThat(r.out()).isEqualTo("Deleted Volumes:\n" + anonymous + "\n\nTotal reclaimed space: 0B\n");
    }

    @Test
    void allAsksItsOwnQuestionAndRemovesNamedUnusedVolumesToo() {
        Result r = answering("y\n", "volume", "prune", "--all");
        assertThat(r.out()).startsWith("WARNING! This will remove all local volumes not used by at least one container.\n");
        assertThat(volumes()).containsExactly("named-used");
    }

    @Test
    void aVolumeInUseIsNeverPruned() {
        ok("volume", "prune", "-a", "-f");
        assertThat(volumes()).containsExactly("named-used");
    }

    @Test
    void theReportCountsWhatTheRemovedVolumesHeld() {
        ok("volume", "create", "--label", "holds", "holds-data");
        ok("run", "--rm", "-v", "holds-data:/data", "busybox", "sh", "-c", "head -c 250000 /dev/zero > /data/blob");
        Result r = ok("volume", "prune", "-a", "-f", "--filter", "label=holds");
        assertThat(r.out()).isEqualTo("Deleted Volumes:\nholds-data\n\nTotal reclaimed space: 250kB\n");
    }

    @Test
    void aLabelFilterLimitsWhatIsPruned() {
        ok("volume", "create", "--label", "scratch", "labelled-scratch");
        ok("volume", "prune", "-a", "-f", "--filter", "label=scratch");
        assertThat(volumes()).doesNotContain("labelled-scratch").contains("named-unused", anonymous);
    }

    @Test
    void aNegatedLabelFilterKeepsTheLabelled() {
        ok("volume", "create", "--label", "keep", "labelled-keep");
        ok("volume", "prune", "-a", "-f", "--filter", "label!=keep");
        assertThat(volumes()).containsExactlyInAnyOrder("labelled-keep", "named-used");
    }

    @Test
    void allWithAnAllFilterIsRefusedAndPrunesNothing() {
        Result r = daemon.purser("volume", "prune", "-a", "-f", "--filter", "all=1");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err().strip()).isEqualTo("conflicting options: cannot specify both --all and --filter all=1");
        assertThat(volumes()).contains(anonymous, "named-unused");
    }

    @Test
    void aFilterWithoutEqualsIsAUsageError() {
        Result r = daemon.purser("volume", "prune", "-f", "--filter", "label");
        assertThat(r.exitCode()).isEqualTo(125);
        assertThat(r.err()).startsWith("invalid argument \"label\" for \"--filter\" flag: bad format of filter (expected name=value)\n");
        assertThat(volumes()).contains(anonymous);
    }

    @Test
    void nothingToPruneReportsZero() {
        ok("volume", "prune", "-a", "-f");
        assertThat(ok("volume", "prune", "-a", "-f").out()).isEqualTo("Total reclaimed space: 0B\n");
    }

    @Test
    void pruneTakesNoArguments() {
        Result r = daemon.purser("volume", "prune", "-f", "extra");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).startsWith("purser: 'purser volume prune' accepts no arguments");
    }
}
