package dev.purser.tui.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.googlecode.lanterna.input.KeyType;
import dev.purser.tui.it.InProcessDaemon.Result;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The Logs tab reads older lines again when scrolled past the start of what it keeps. */
@Timeout(value = 120, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class DashboardOlderLogsIT {
    static InProcessDaemon daemon;
    DashboardHarness screen;

    @BeforeAll
    static void startDaemon() {
        daemon = InProcessDaemon.start();
        Result imported = daemon.importBusybox();
        assertThat(imported.exitCode()).as(imported.err()).isZero();
        // 1,500 lines, a millisecond or more apart so each has a timestamp of its own; the tab reads the last 1,000 (line-502 to all-written)
        Result r = daemon.purser("run", "-d", "--name=history", "busybox", "sh", "-c",
                "for i in $(seq 1 1500); do echo line-$i; usleep 1000; done; echo all-written; sleep 600");
        assertThat(r.exitCode()).as(r.err()).isZero();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!daemon.purser("logs", "--tail=1", "history").out().contains("all-written")) {
            if (System.nanoTime() > deadline) throw new AssertionError("the container never finished writing");
            Thread.onSpinWait();
        }
    }

    @AfterAll
    static void stopDaemon() {
        daemon.close();
    }

    @AfterEach
    void closeScreen() throws InterruptedException {
        if (screen != null) screen.close();
    }

    private void openLogOfHistory() {
        screen = new DashboardHarness(daemon);
        screen.waitFor("history");
        screen.press('/');
        screen.type("history");
        screen.press(KeyType.Enter);
        screen.waitFor("all-written");
        screen.press(KeyType.Enter);
    }

    @Test
    void scrollingPastTheFirstKeptLineShowsTheLinesBeforeIt() {
        openLogOfHistory();
        screen.press('g');
        screen.waitUntil("the first kept line at the top", s -> s.lines().anyMatch(l -> l.equals("line-502")));
        screen.press('g');
        String shown = screen.waitFor("older lines");
        screen.waitUntil("line-501 at the end of the older lines", s -> s.lines().anyMatch(l -> l.equals("line-501")));
        assertThat(shown).doesNotContain("all-written");
        // and from their start, further back still
        screen.press('g');
        screen.press('g');
        screen.waitUntil("the first line", s -> s.lines().anyMatch(l -> l.equals("line-1")));
    }

    @Test
    void theToEndKeyGoesBackToTheLiveLog() {
        openLogOfHistory();
        screen.press('g');
        screen.waitUntil("the first kept line at the top", s -> s.lines().anyMatch(l -> l.equals("line-502")));
        screen.press('g');
        screen.waitFor("older lines");
        screen.press('G');
        String shown = screen.waitUntil("the live log again", s -> s.contains("all-written") && !s.contains("older lines"));
        assertThat(shown).doesNotContain("line-501\n");
    }
}
