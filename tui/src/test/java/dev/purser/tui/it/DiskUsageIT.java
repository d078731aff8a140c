package dev.purser.tui.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.purser.tui.it.InProcessDaemon.Result;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@code purser ps --size}, {@code container prune} and {@code system df} (and -v) show measured sizes. */
@Timeout(value = 120, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class DiskUsageIT {
    static InProcessDaemon daemon;

    @BeforeAll
    static void startDaemon() {
        daemon = InProcessDaemon.start();
        daemon.importBusybox();
        daemon.purser("run", "--name", "writer", "busybox", "sh", "-c", "head -c 100000 /dev/zero > /tmp/blob");
    }

    @AfterAll
    static void stopDaemon() {
        daemon.close();
    }

    @Test
    void psSizeShowsTheWritableLayerAndTheVirtualSize() {
        Result r = daemon.purser("ps", "-a", "-s", "--filter", "name=writer", "--format", "{{.Size}}");
        assertThat(r.outLine()).as(r.err()).startsWith("100kB (virtual ");
    }

    @Test
    void containerPruneReportsTheReclaimedSpace() {
        daemon.purser("run", "--name", "pruned", "--label", "prune-me", "busybox", "sh", "-c", "head -c 250000 /dev/zero > /tmp/blob");
        Result r = daemon.purser("container", "prune", "-f", "--filter", "label=prune-me");
        assertThat(r.out()).as(r.err()).contains("Total reclaimed space: 250kB");
    }

    @Test
    void systemDfPrintsDockersTableWithMeasuredSizes() {
        Result r = daemon.purser("system", "df");
        assertThat(r.exitCode()).as(r.err()).isZero();
        String[] lines = r.out().split("\n");
        assertThat(lines[0]).matches("TYPE\\s+TOTAL\\s+ACTIVE\\s+SIZE\\s+RECLAIMABLE");
        assertThat(lines[1]).matches("Images\\s+1\\s+1\\s+\\S+\\s+0B \\(0%\\)");
        assertThat(lines[2]).matches("Containers\\s+\\d\\s+0\\s+\\d+kB\\s+\\d+kB \\(100%\\)");
        assertThat(lines[3]).matches("Local Volumes\\s+0\\s+0\\s+0B\\s+0B");
        assertThat(lines[4]).matches("Build Cache\\s+0\\s+0\\s+0B\\s+0B");
    }

    @Test
    void systemDfVerboseListsEachImageAndContainerWithItsSize() {
        Result r = daemon.purser("system", "df", "-v");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).startsWith("Images space usage:\n\nREPOSITORY   TAG       IMAGE ID       CREATED");
        assertThat(r.out().lines().filter(l -> l.startsWith("busybox ")).findFirst()).get().asString().matches("busybox\\s+latest\\s+[0-9a-f]{12}\\s+.*\\s+1");
        assertThat(r.out()).contains("\nContainers space usage:\n\nCONTAINER ID   IMAGE     COMMAND");
        assertThat(r.out().lines().filter(l -> l.endsWith(" writer")).findFirst()).get().asString().matches("[0-9a-f]{12}\\s+busybox\\s+\"sh -c .*\\s+0\\s+100kB\\s+.*\\s+Exited \\(0\\) .*writer");
        assertThat(r.out()).contains("\nLocal Volumes space usage:\n\nVOLUME NAME   LINKS     SIZE\n\nBuild cache usage: 0B\n");
    }
}
