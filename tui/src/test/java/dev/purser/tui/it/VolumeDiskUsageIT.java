package dev.purser.tui.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.purser.tui.it.InProcessDaemon.Result;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@code system df} counts volumes as docker does: the Local Volumes line, and -v's table of each volume's links and size. */
@Timeout(value = 120, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class VolumeDiskUsageIT {
    static InProcessDaemon daemon;

    @BeforeAll
    static void startDaemon() {
        daemon = InProcessDaemon.start();
        daemon.importBusybox();
        ok("volume", "create", "df-used");
        ok("volume", "create", "df-free");
        ok("run", "--name", "df-writer", "-v", "df-used:/data", "busybox", "sh", "-c", "head -c 300000 /dev/zero > /data/blob");
        ok("run", "--rm", "-v", "df-free:/data", "busybox", "sh", "-c", "head -c 100000 /dev/zero > /data/blob");
    }

    @AfterAll
    static void stopDaemon() {
        daemon.close();
    }

    private static Result ok(String... args) {
        Result r = daemon.purser(args);
        assertThat(r.exitCode()).as(String.join(" ", args) + ": " + r.err()).isZero();
        return r;
    }

    @Test
    void theSummaryCountsVolumesTheirSizeAndWhatNoContainerUses() {
        String line = ok("system", "df").out().lines().filter(l -> l.startsWith("Local Volumes")).findFirst().orElseThrow();
        assertThat(line).matches("Local Volumes\\s+2\\s+1\\s+400kB\\s+100kB \\(25%\\)");
    }

    @Test
    void verboseListsEachVolumesLinksAndSize() {
        Result r = ok("system", "df", "-v");
        String volumes = r.out().substring(r.out().indexOf("Local Volumes space usage:"), r.out().indexOf("Build cache usage:"));
        assertThat(volumes.lines().toList()).contains("VOLUME NAME   LINKS     SIZE", "df-used       1         300kB", "df-free       0         100kB");
    }

    @Test
    void verboseCountsAContainersLocalVolumes() {
        Result r = ok("system", "df", "-v");
        assertThat(r.out().lines().filter(l -> l.endsWith(" df-writer")).findFirst()).get().asString()
                .matches("[0-9a-f]{12}\\s+busybox\\s+\"sh -c .*\\s+1\\s+\\S+\\s+.*df-writer");
    }

    @Test
    void aVerboseTemplateRangesOverTheVolumes() {
        Result r = ok("system", "df", "-v", "--format", "{{range .Volumes}}{{.Name}}={{.Links}};{{end}}");
        assertThat(r.out()).contains("df-used=1;").contains("df-free=0;");
    }
}
