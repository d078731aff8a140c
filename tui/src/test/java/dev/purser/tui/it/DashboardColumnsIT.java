package dev.purser.tui.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.googlecode.lanterna.input.KeyType;
import dev.purser.tui.dashboard.DashboardSettings;
import dev.purser.tui.it.InProcessDaemon.Result;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The containers list's live columns (CPU %, memory, PIDs, uptime, ports) and its sort keys,
 * drawn on Lanterna's virtual terminal against a real daemon.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class DashboardColumnsIT {
    static InProcessDaemon daemon;
    DashboardHarness screen;

    @BeforeAll
    static void startDaemon() {
        daemon = InProcessDaemon.start();
        Result imported = daemon.importBusybox();
        assertThat(imported.exitCode()).as(imported.err()).isZero();
    }

    @AfterAll
    static void stopDaemon() {
        daemon.close();
    }

    @AfterEach
    void closeScreen() throws InterruptedException {
        if (screen != null) screen.close();
    }

    private static void runDetached(String name, String command) {
        Result r = daemon.purser("run", "-d", "--name=" + name, "busybox", "sh", "-c", command);
        assertThat(r.exitCode()).as(r.err()).isZero();
    }

    private void filter(String text) {
        screen.press('/');
        screen.type(text);
        screen.press(KeyType.Enter);
        screen.waitFor("filter \"" + text + "\"");
    }

    /** The text of {@code row}'s cell under the header {@code header}. */
    private static String under(String frame, String header, String rowText) {
        String[] lines = frame.split("\n", -1);
        String head = null;
        String row = null;
        for (String l : lines) {
            if (head == null && l.contains(header) && l.contains("NAME")) head = l;
            else if (head != null && row == null && l.contains(rowText)) row = l;
        }
        if (head == null || row == null) return "";
        int col = head.indexOf(header);
        // the cell ends where the next column's header starts
        int end = col + header.length();
        while (end < head.length() && head.charAt(end) != ' ') end++;
        while (end < head.length() && head.charAt(end) == ' ') end++;
        if (col >= row.length()) return "";
        return row.substring(col, Math.min(row.length(), end >= head.length() ? row.length() : end)).strip();
    }

    private static int pids(String frame, String row) {
        String cell = under(frame, "PIDS", row);
        return cell.matches("\\d+") ? Integer.parseInt(cell) : -1;
    }

    @Test
    void aRunningContainerShowsItsCpuMemoryPidsAndUptime() {
        runDetached("usage_probe", "sleep 600 & sleep 600");
        screen = new DashboardHarness(daemon);
        screen.waitFor("usage_probe");
        filter("usage_probe");
        // as many PIDs as the container's processes
        long processes = daemon.purser("top", "usage_probe").out().lines().count() - 1;
        String shown = screen.waitUntil("usage_probe's readings", s -> under(s, "CPU %", "usage_probe").matches("\\d+\\.\\d\\d%")
                && under(s, "PIDS", "usage_probe").equals(Long.toString(processes)));
        assertThat(under(shown, "MEM USAGE / LIMIT", "usage_probe")).matches("[\\d.]+[KMG]?i?B / [\\d.]+[KMGT]iB");
        assertThat(under(shown, "UPTIME", "usage_probe")).matches("\\d+ seconds?|Less than a second|About a minute|\\d+ minutes");
    }

    @Test
    void aStoppedContainerHasNoReadings() {
        Result r = daemon.purser("run", "--name=usage_stopped", "busybox", "true");
        assertThat(r.exitCode()).as(r.err()).isZero();
        screen = new DashboardHarness(daemon);
        screen.waitFor("usage_stopped");
        filter("usage_stopped");
        String shown = screen.waitFor("Exited (0)");
        assertThat(under(shown, "CPU %", "usage_stopped")).isEqualTo("-");
        assertThat(under(shown, "PIDS", "usage_stopped")).isEqualTo("-");
        assertThat(under(shown, "UPTIME", "usage_stopped")).isEqualTo("-");
    }

    @Test
    void theSortKeyReachesPidsAndPutsTheMostProcessesFirstAndTheReverseKeyTurnsItRound() {
        // made first, so the default order (newest first) puts it last
        runDetached("pids_many", "sleep 600 & sleep 600 & sleep 600 & sleep 600");
        runDetached("pids_few", "sleep 600");
        screen = new DashboardHarness(daemon);
        screen.waitFor("pids_few");
        filter("pids_");
        for (int i = 0; i < 12 && !screen.text().contains("PIDS↓"); i++) screen.press('o');
        screen.waitFor("PIDS↓");
        screen.waitUntil("pids_many above pids_few", s -> pids(s, "pids_many") > pids(s, "pids_few")
                && s.indexOf("pids_many") < s.indexOf("pids_few"));
        screen.press('O');
        screen.waitFor("PIDS↑");
        screen.waitUntil("pids_few above pids_many", s -> s.indexOf("pids_few") < s.indexOf("pids_many"));
    }

    @Test
    void anEightyColumnScreenLeavesPortsUptimeCreatedAndIdOut() {
        runDetached("narrow_one", "sleep 600");
        screen = new DashboardHarness(daemon, 80, 24, DashboardSettings.defaults());
        String shown = screen.waitFor("narrow_one");
        String header = shown.lines().filter(l -> l.contains("NAME")).findFirst().orElseThrow();
        assertThat(header).contains("CPU %").contains("MEM USAGE / LIMIT").contains("PIDS")
                .doesNotContain("PORTS").doesNotContain("UPTIME").doesNotContain("CONTAINER ID");
    }

    @Test
    void aWideScreenShowsEveryColumn() {
        runDetached("wide_one", "sleep 600");
        screen = new DashboardHarness(daemon, 160, 30, DashboardSettings.defaults());
        String shown = screen.waitFor("wide_one");
        String header = shown.lines().filter(l -> l.contains("NAME")).findFirst().orElseThrow();
        assertThat(header).contains("PORTS").contains("UPTIME").contains("CREATED").contains("CONTAINER ID");
    }
}
