package dev.purser.tui.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.googlecode.lanterna.TextCharacter;
import com.googlecode.lanterna.input.KeyType;
import dev.purser.tui.dashboard.DashboardSettings;
import dev.purser.tui.dashboard.keys.Action;
import dev.purser.tui.dashboard.theme.Role;
import dev.purser.tui.it.InProcessDaemon.Result;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The dashboard drawn on Lanterna's virtual terminal against a real daemon with real
 * containers: what each view shows, in which colours, and what keys do.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class DashboardScreenIT {
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

    private static void runDetached(String name, String... command) {
        String[] args = new String[4 + command.length];
        args[0] = "run";
        args[1] = "-d";
        args[2] = "--name=" + name;
        args[3] = "busybox";
        System.arraycopy(command, 0, args, 4, command.length);
        Result r = daemon.purser(args);
        assertThat(r.exitCode()).as(r.err()).isZero();
    }

    private static String status(String name) {
        return daemon.purser("inspect", "-f", "{{.State.Status}}", name).outLine();
    }

    /** Filters the list down to {@code name}, which is then the selected row. */
    private void select(String name) {
        screen.press('/');
        screen.type(name);
        screen.press(KeyType.Enter);
        screen.waitFor("filter \"" + name + "\"");
    }

    @Test
    void listsContainersWithImageAndStatusColouredByState() {
        Result failed = daemon.purser("run", "--name=colour_failed", "busybox", "sh", "-c", "exit 3");
        assertThat(failed.exitCode()).isEqualTo(3);
        runDetached("colour_running", "sleep", "600");
        runDetached("colour_selected", "sleep", "600");
        screen = new DashboardHarness(daemon);
        String shown = screen.waitFor("colour_failed");
        assertThat(shown).contains("colour_running").contains("colour_selected").contains("busybox");
        // the selected row is drawn in the selection's colours: put it on the third container
        for (int i = 0; i < 5; i++) screen.press(KeyType.PageUp);
        for (int i = 0; i < 20 && screen.selectedRow() != screen.rowOf("colour_selected"); i++) screen.press(KeyType.ArrowDown);
        assertThat(screen.text().split("\n")[screen.selectedRow()]).contains("colour_selected");
        shown = screen.text();
        int failedRow = screen.rowOf("colour_failed");
        int runningRow = screen.rowOf("colour_running");
        assertThat(shown.split("\n")[failedRow]).contains("Exited (3)");
        assertThat(screen.cellOf("Exited (3)").getForegroundColor()).isEqualTo(screen.theme.style(Role.EXITED_ERROR).foreground());
        String runningLine = shown.split("\n")[runningRow];
        TextCharacter up = screen.cell(runningLine.indexOf("Up "), runningRow);
        assertThat(up.getForegroundColor()).isEqualTo(screen.theme.style(Role.RUNNING).foreground());
    }

    @Test
    void aContainerStartedAfterTheDashboardOpenedAppearsFromTheEvents() {
        screen = new DashboardHarness(daemon);
        screen.waitFor("containers,");
        runDetached("late_arrival", "sleep", "600");
        screen.waitFor("late_arrival");
    }

    @Test
    void theFilterShowsOnlyMatchingRows() {
        runDetached("filter_apple", "sleep", "600");
        runDetached("filter_banana", "sleep", "600");
        screen = new DashboardHarness(daemon);
        screen.waitFor("filter_banana");
        select("apple");
        String shown = screen.waitUntil("only filter_apple", s -> !s.contains("filter_banana"));
        assertThat(shown).contains("filter_apple");
    }

    @Test
    void theStopKeyTurnsTheStatusToExited() {
        runDetached("stop_me", "sleep", "600");
        screen = new DashboardHarness(daemon);
        screen.waitFor("stop_me");
        select("stop_me");
        screen.press('s');
        screen.waitUntil("stop_me exited", s -> s.lines().anyMatch(l -> l.contains("stop_me") && l.contains("Exited")));
        assertThat(status("stop_me")).isEqualTo("exited");
    }

    @Test
    void removeAsksFirstAndNoKeepsTheContainer() {
        runDetached("keep_me", "sleep", "600");
        screen = new DashboardHarness(daemon);
        screen.waitFor("keep_me");
        select("keep_me");
        screen.press('d');
        screen.waitFor("remove keep_me");
        screen.press('n');
        screen.waitFor("not removed");
        assertThat(status("keep_me")).isEqualTo("running");
        screen.press('d');
        screen.waitFor("remove keep_me");
        screen.press('y');
        screen.waitUntil("keep_me gone", s -> s.lines().noneMatch(l -> l.contains("keep_me") && l.contains("busybox")));
    }

    @Test
    void renameAsksForTheNewName() {
        runDetached("rename_before", "sleep", "600");
        screen = new DashboardHarness(daemon);
        screen.waitFor("rename_before");
        select("rename_before");
        screen.press('R');
        screen.waitFor("rename rename_before to:");
        screen.type("rename_after");
        screen.press(KeyType.Enter);
        screen.waitFor("rename rename_before: done");
        assertThat(status("rename_after")).isEqualTo("running");
    }

    @Test
    void markedRowsAreStoppedTogether() {
        runDetached("bulk_one", "sleep", "600");
        runDetached("bulk_two", "sleep", "600");
        screen = new DashboardHarness(daemon);
        screen.waitFor("bulk_two");
        select("bulk_");
        screen.press(' ');
        screen.press(' ');
        screen.waitUntil("two marked rows", s -> s.lines().filter(l -> l.startsWith("* bulk_")).count() == 2);
        screen.press('s');
        screen.waitUntil("both exited", s -> s.lines().filter(l -> l.contains("bulk_") && l.contains("Exited")).count() == 2);
        assertThat(status("bulk_one")).isEqualTo("exited");
        assertThat(status("bulk_two")).isEqualTo("exited");
    }

    @Test
    void allLogsTagsEachLineWithItsContainer() {
        runDetached("all_logs_a", "sh", "-c", "echo from-a; sleep 600");
        runDetached("all_logs_b", "sh", "-c", "echo from-b; sleep 600");
        screen = new DashboardHarness(daemon);
        screen.waitFor("all_logs_b");
        screen.press('L');
        screen.waitFor("all logs:");
        // other tests' containers may be logging too: search brings each line into view
        for (String line : new String[] {"all_logs_a | from-a", "all_logs_b | from-b"}) {
            String text = line.substring(line.indexOf("| ") + 2);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            do {
                if (System.nanoTime() > deadline) throw new AssertionError("all logs never showed " + line + ":\n" + screen.text());
                screen.press('/');
                screen.press(KeyType.Escape);
                screen.press('/');
                screen.type(text);
                screen.press(KeyType.Enter);
            } while (!screen.text().contains(line));
            // the tag is in a colour of the container's own, not the pane's text colour (read while the line is in view:
            // the next search may scroll it away)
            assertThat(screen.cellOf(line).getForegroundColor()).isNotEqualTo(screen.theme.style(Role.NORMAL).foreground());
        }
    }

    @Test
    void theLogsTabShowsColouredOutputWithoutEscapeCodesAndStderrApart() {
        runDetached("logs_colour", "sh", "-c", "printf '\\033[31mred-word\\033[0m plain-word\\n'; echo to-stderr >&2; sleep 600");
        screen = new DashboardHarness(daemon);
        screen.waitFor("logs_colour");
        select("logs_colour");
        String shown = screen.waitFor("plain-word");
        assertThat(shown).contains("red-word").doesNotContain("[31m").doesNotContain("[0m");
        assertThat(screen.cellOf("red-word").getForegroundColor()).isEqualTo(com.googlecode.lanterna.TextColor.ANSI.RED);
        screen.waitFor("to-stderr");
        assertThat(screen.cellOf("to-stderr").getForegroundColor()).isEqualTo(screen.theme.style(Role.STDERR).foreground());
    }

    @Test
    void theLogsTabShowsNewLinesAsTheyArrive() {
        runDetached("logs_live", "sh", "-c", "i=0; while true; do i=$((i+1)); echo tick-$i; sleep 0.1; done");
        screen = new DashboardHarness(daemon);
        screen.waitFor("logs_live");
        select("logs_live");
        screen.waitFor("tick-");
        String first = lastTick(screen.text());
        screen.waitUntil("a later tick than " + first, s -> Integer.parseInt(lastTick(s).substring(5)) > Integer.parseInt(first.substring(5)));
    }

    private static String lastTick(String screenText) {
        String last = "tick-0";
        for (String line : screenText.split("\n")) if (line.startsWith("tick-")) last = line.strip();
        return last;
    }

    @Test
    void searchInTheLogHighlightsTheMatches() {
        runDetached("logs_search", "sh", "-c", "echo hay; echo hay needle hay; echo hay; sleep 600");
        screen = new DashboardHarness(daemon);
        screen.waitFor("logs_search");
        select("logs_search");
        screen.waitFor("hay needle hay");
        screen.press(KeyType.Enter);
        screen.press('/');
        screen.type("needle");
        screen.press(KeyType.Enter);
        screen.waitFor("/needle (1)");
        assertThat(screen.cellOf("needle hay").getBackgroundColor()).isEqualTo(screen.theme.style(Role.MATCH).background());
        assertThat(screen.cellOf("hay needle").getBackgroundColor()).isNotEqualTo(screen.theme.style(Role.MATCH).background());
    }

    @Test
    void theLayersOfAnImageSayHowManyImagesShareEachAndWhatSharingSaves() throws IOException {
        Path tar = daemon.root().resolve("busybox-rootfs.tar");
        Result copy = daemon.purser("import", "--change", "ENV SHARED=yes", tar.toString(), "layers_copy:1");
        assertThat(copy.exitCode()).as(copy.err()).isZero();
        screen = new DashboardHarness(daemon);
        screen.waitFor("containers,");
        screen.press('2');
        screen.waitFor("layers_copy");
        screen.press(KeyType.Enter);
        String shown = screen.waitFor("sharing saves");
        assertThat(shown).contains("Layers of busybox:latest").contains("2 images");
        // both images are the one busybox layer, so they have its size
        String size = daemon.purser("images", "--format", "{{.Size}}", "busybox:latest").outLine().lines().findFirst().orElseThrow();
        assertThat(shown).contains("sharing saves " + size);
    }

    @Test
    void theTopTabShowsTheContainersProcessesWithTheirCpu() {
        runDetached("top_tab", "sleep", "601");
        screen = new DashboardHarness(daemon);
        screen.waitFor("top_tab");
        select("top_tab");
        screen.press(']');
        String shown = screen.waitFor("sleep 601");
        assertThat(shown).contains("PID").contains("C ");
    }

    @Test
    void theStatsTabShowsCpuMemoryAndPidsOverTime() {
        runDetached("stats_tab", "sleep", "602");
        screen = new DashboardHarness(daemon);
        screen.waitFor("stats_tab");
        select("stats_tab");
        screen.press(']');
        screen.press(']');
        screen.waitFor("samples, one a second");
        String shown = screen.waitUntil("a second sample", s -> java.util.regex.Pattern.compile("\\b([2-9]|\\d\\d+) samples").matcher(s).find());
        assertThat(shown).contains("CPU").contains("MEM").contains("PIDS");
    }

    @Test
    void theVolumesViewSaysWhenTheEngineHasNone() {
        screen = new DashboardHarness(daemon);
        screen.waitFor("containers,");
        screen.press('3');
        screen.waitUntil("a volumes listing or why there is none", s -> s.contains("This engine has no volumes yet") || s.contains("VOLUME NAME"));
    }

    @Test
    void helpListsEveryAction() {
        screen = new DashboardHarness(daemon, 120, 60, DashboardSettings.defaults());
        screen.waitFor("containers,");
        screen.press('?');
        String shown = screen.waitFor("Keys (remap them");
        for (Action a : Action.values()) assertThat(shown).contains(a.configName());
        screen.press('x');
        screen.waitUntil("the help closed", s -> !s.contains("Keys (remap them"));
    }

    @Test
    void theHelpPagesOnAnEightyByTwentyFourTerminal() {
        screen = new DashboardHarness(daemon, 80, 24, DashboardSettings.defaults());
        screen.waitFor("containers,");
        screen.press('?');
        assertThat(screen.waitFor("Keys (remap them")).doesNotContain("to-end");
        for (int i = 0; i < 5 && !screen.text().contains("to-end"); i++) screen.press(KeyType.PageDown);
        assertThat(screen.text()).contains("to-end").contains("PgUp PgDn: more").doesNotContain("view-images");
        screen.press(KeyType.Escape);
        screen.waitUntil("the help closed", s -> !s.contains("PgUp PgDn: more"));
    }

    @Test
    void aKeyClashInTheConfigIsReportedOnScreen() throws IOException {
        Path config = Files.createTempFile(daemon.root(), "config", ".json");
        Files.writeString(config, "{\"keys\": {\"stop\": \"r\"}}");
        screen = new DashboardHarness(daemon, 100, 30, DashboardSettings.load(config));
        screen.waitFor("key clash: 'r' is bound to stop and restart; restart has no key");
    }

    @Test
    void aBrokenConfigGivesTheDefaultsAndAWarning() throws IOException {
        Path config = Files.createTempFile(daemon.root(), "config", ".json");
        Files.writeString(config, "{\"theme\": ");
        screen = new DashboardHarness(daemon, 100, 30, DashboardSettings.load(config));
        screen.waitFor("is not valid JSON, using the defaults");
        screen.waitFor("q quit");
    }

    @Test
    void ctrlCDoesNotQuit() {
        screen = new DashboardHarness(daemon);
        screen.waitFor("containers,");
        screen.press(new com.googlecode.lanterna.input.KeyStroke('c', true, false));
        screen.waitFor("Ctrl-C does not quit: q does");
        assertThat(screen.quitting()).isFalse();
    }
}
