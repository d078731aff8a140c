package dev.purser.tui.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.purser.engine.testing.TmuxSession;
import dev.purser.tui.it.InProcessDaemon.Result;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The dashboard in a real terminal, used as a person would: tmux runs bash, bash runs
 * {@code purser} (its own JVM) against an in-process daemon with two running containers, one
 * printing a line every 100 ms.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class DashboardTerminalIT {
    static InProcessDaemon daemon;
    static Path home;
    TmuxSession terminal;

    @BeforeAll
    static void startDaemon() throws IOException {
        daemon = InProcessDaemon.start();
        Result imported = daemon.importBusybox();
        assertThat(imported.exitCode()).as(imported.err()).isZero();
        assertThat(daemon.purser("run", "-d", "--name", "tmux_web", "busybox", "httpd", "-f", "-p", "80").exitCode()).isZero();
        assertThat(daemon.purser("run", "-d", "--name", "tmux_ticker", "busybox", "sh", "-c",
                "i=0; while true; do i=$((i+1)); echo tick-$i; sleep 0.1; done").exitCode()).isZero();
        home = Files.createDirectories(daemon.root().resolve("home"));
        Path script = daemon.root().resolve("bin/purser");
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Files.createDirectories(script.getParent());
        Files.writeString(script, "#!/bin/sh\nexec '" + java + "' -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -cp '" + classpath
                + "' dev.purser.tui.Purser -H '" + daemon.host() + "' \"$@\"\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    @AfterAll
    static void stopDaemon() {
        daemon.close();
    }

    @BeforeEach
    void openTerminal() {
        terminal = TmuxSession.start(100, 30, Map.of());
        terminal.type("export PATH='" + daemon.root().resolve("bin") + "':$PATH HOME='" + home + "' PURSER_AUTOSTART=0; PS1='outer''$ '");
        terminal.waitForPrompt("outer$");
    }

    @AfterEach
    void closeTerminal() {
        terminal.close();
    }

    private void openDashboard() {
        terminal.type("clear; stty -a > '" + home + "/stty-before'; purser; stty -a > '" + home + "/stty-after'; echo dashboard-closed");
        terminal.waitFor("1 Containers");
    }

    /** Filters the list to {@code name}: the only row, so the selected one. */
    private void select(String name) {
        terminal.keys("/");
        terminal.keys("-l", name);
        terminal.keys("Enter");
        terminal.waitFor(name + " · running");
    }

    private static String hostname(String name) {
        return daemon.purser("inspect", "-f", "{{.Config.Hostname}}", name).outLine();
    }

    @Test
    void listsBothContainersAndTheLogsTabShowsNewLinesArriving() {
        openDashboard();
        String shown = terminal.waitFor("tmux_ticker");
        assertThat(shown).contains("tmux_web");
        select("tmux_ticker");
        terminal.waitFor("tick-");
        int first = lastTick(terminal.screen());
        waitForTickAfter(first);
        terminal.keys("q");
        terminal.waitFor("dashboard-closed");
    }

    private void waitForTickAfter(int tick) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (lastTick(terminal.screen()) <= tick) {
            if (System.nanoTime() > deadline) throw new AssertionError("no tick after " + tick + " arrived:\n" + terminal.screen());
            Thread.onSpinWait();
        }
    }

    private static int lastTick(String screen) {
        int last = 0;
        for (String line : screen.split("\n")) {
            if (line.startsWith("tick-")) {
                try {
                    last = Math.max(last, Integer.parseInt(line.substring(5).strip()));
                } catch (NumberFormatException partial) {
                    // a line being redrawn: the next capture has it whole
                }
            }
        }
        return last;
    }

    @Test
    void aShellPrintsTheContainersHostnameAndCtrlPCtrlQBringsTheDashboardBackWithTheSameSelection() {
        openDashboard();
        terminal.waitFor("tmux_web");
        select("tmux_web");
        terminal.keys("e");
        terminal.waitForPrompt("/ #");
        terminal.type("hostname");
        terminal.waitFor("\n" + hostname("tmux_web"));
        terminal.keys("C-p", "C-q");
        String back = terminal.waitFor("1 Containers");
        assertThat(back).contains("tmux_web · running").contains("filter \"tmux_web\"").contains("detached from the sh in tmux_web");
        terminal.keys("q");
        terminal.waitFor("dashboard-closed");
    }

    @Test
    void exitingTheShellBringsTheDashboardBack() {
        openDashboard();
        select("tmux_web");
        terminal.keys("e");
        terminal.waitForPrompt("/ #");
        terminal.type("exit 4");
        terminal.waitFor("sh in tmux_web ended with 4");
        terminal.keys("q");
        terminal.waitFor("dashboard-closed");
    }

    @Test
    void theDashboardComesBackWhenTheContainerDiesDuringTheShell() {
        assertThat(daemon.purser("run", "-d", "--name", "tmux_victim", "busybox", "sleep", "600").exitCode()).isZero();
        openDashboard();
        select("tmux_victim");
        terminal.keys("e");
        terminal.waitForPrompt("/ #");
        assertThat(daemon.purser("kill", "tmux_victim").exitCode()).isZero();
        terminal.waitFor("1 Containers");
        terminal.waitFor("tmux_victim · exited");
        terminal.keys("q");
        terminal.waitFor("dashboard-closed");
    }

    @Test
    void aResizeWhileTheShellIsOpenReachesTheShellAndTheDashboardAfterwards() {
        openDashboard();
        select("tmux_web");
        terminal.keys("e");
        terminal.waitForPrompt("/ #");
        terminal.resize(90, 26);
        // the new size reaches the container's terminal a moment after tmux has it (SIGWINCH, then
        // the resize request): ask until it has arrived
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        do {
            terminal.type("clear; stty size");
            terminal.waitForPrompt("/ #");
            if (System.nanoTime() > deadline) throw new AssertionError("the shell never saw 26 90:\n" + terminal.screen());
        } while (!terminal.screen().contains("26 90"));
        terminal.keys("C-p", "C-q");
        // the top bar's right end is at the new width
        String back = terminal.waitFor("1 Containers");
        String top = back.lines().filter(l -> l.contains("1 Containers")).findFirst().orElseThrow();
        assertThat(top).endsWith("q quit");
        assertThat(top.length()).isEqualTo(89);
        terminal.keys("q");
        terminal.waitFor("dashboard-closed");
    }

    @Test
    void shrinkingTheTerminalRedrawsTheWholeDashboard() {
        openDashboard();
        terminal.waitFor("tmux_web");
        terminal.resize(160, 34);
        terminal.waitUntil("the wide layout", s -> s.contains("CONTAINER ID"));
        terminal.resize(80, 24);
        // nothing of the wide frame left: the top bar from its first column, the header and every
        // row on screen whole (which rows fit depends on how many containers the class made so far)
        terminal.waitUntil("a whole frame at 80x24", s -> !s.contains("CONTAINER ID") && s.startsWith(" 1 Containers")
                && s.lines().anyMatch(l -> l.startsWith("  NAME ")) && listRows(s).size() > 0
                && listRows(s).stream().allMatch(l -> l.startsWith("  tmux_")));
        terminal.keys("q");
        terminal.waitFor("dashboard-closed");
    }

    /** The list's rows on screen: the lines between its header and the detail pane's tab line. */
    private static List<String> listRows(String screen) {
        List<String> lines = screen.lines().toList();
        int header = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith("  NAME ")) {
                header = i;
            } else if (header >= 0 && lines.get(i).startsWith("─")) {
                return lines.subList(header + 1, i);
            }
        }
        return List.of();
    }

    @Test
    void attachingToAContainerWithoutATtyShowsItsOutputAndCtrlPCtrlQBringsTheDashboardBackWithTheSameSelection() throws IOException {
        assertThat(daemon.purser("run", "-d", "--name", "tmux_plain", "busybox", "sh", "-c",
                "while true; do echo plain-tick; sleep 0.2; done").exitCode()).isZero();
        openDashboard();
        select("tmux_plain");
        terminal.keys("a");
        // the dashboard's last line is its status line: a tick there is the attached output
        terminal.waitForPrompt("plain-tick");
        terminal.keys("C-p", "C-q");
        String back = terminal.waitFor("detached from tmux_plain");
        assertThat(back).contains("1 Containers").contains("tmux_plain · running").contains("filter \"tmux_plain\"");
        assertThat(daemon.purser("inspect", "-f", "{{.State.Status}}", "tmux_plain").outLine()).isEqualTo("running");
        terminal.keys("q");
        terminal.waitFor("dashboard-closed");
        assertThat(Files.readString(home.resolve("stty-after"))).isEqualTo(Files.readString(home.resolve("stty-before")));
    }

    /** Whether the screen shows {@code line} as a whole line, and again as the whole line below it. */
    private static boolean twiceOnConsecutiveLines(String screen, String line) {
        List<String> lines = screen.lines().map(String::strip).toList();
        for (int i = 0; i + 1 < lines.size(); i++) if (lines.get(i).equals(line) && lines.get(i + 1).equals(line)) return true;
        return false;
    }

    /**
     * Attaches to the selected container (a cat) and waits until {@code word}, typed, comes back:
     * the session clears the screen once it has the terminal in its own mode, so a word typed
     * after that is echoed here and answered by cat on the next line.
     */
    private void attachToCat(String word) {
        terminal.keys("a");
        terminal.waitUntil("the attach's cleared screen", String::isBlank);
        terminal.type(word);
        terminal.waitUntil(word + " echoed and answered", s -> twiceOnConsecutiveLines(s, word));
    }

    @Test
    void attachingToAnInteractiveContainerWithoutATtySendsTypedLinesToItsStdin() {
        assertThat(daemon.purser("run", "-d", "-i", "--name", "tmux_cat", "busybox", "cat").exitCode()).isZero();
        openDashboard();
        select("tmux_cat");
        attachToCat("warm-up");
        terminal.keys("C-p", "C-q");
        String back = terminal.waitFor("detached from tmux_cat");
        assertThat(back).contains("tmux_cat · running");
        terminal.keys("q");
        terminal.waitFor("dashboard-closed");
    }

    @Test
    void theEchoOfATypedLineEndsItsLineBeforeTheContainerAnswers() {
        assertThat(daemon.purser("run", "-d", "-i", "--name", "tmux_echo", "busybox", "cat").exitCode()).isZero();
        openDashboard();
        select("tmux_echo");
        attachToCat("warm-up");
        // the line goes to cat at Enter, after this terminal has echoed it whole: cat's answer is the next line
        for (String line : List.of("first-line", "second-line", "third-line")) {
            terminal.type(line);
            terminal.waitUntil(line + " echoed, then answered on the next line", s -> twiceOnConsecutiveLines(s, line));
        }
        terminal.keys("C-p", "C-q");
        terminal.waitFor("detached from tmux_echo");
        terminal.keys("q");
        terminal.waitFor("dashboard-closed");
    }

    @Test
    void ctrlCInAnAttachWithoutATtySendsSigintToTheContainerAndTheDashboardStays() {
        assertThat(daemon.purser("run", "-d", "-i", "--name", "tmux_sigint", "busybox", "sh", "-c",
                "trap 'echo got-sigint; exit 7' INT; while true; do echo sigint-wait; sleep 0.2; done").exitCode()).isZero();
        openDashboard();
        select("tmux_sigint");
        terminal.keys("a");
        // its output on this terminal: the session runs, in its own terminal mode
        terminal.waitForPrompt("sigint-wait");
        terminal.keys("C-c");
        // the trap's exit code is the container's only when SIGINT reached it
        String back = terminal.waitFor("attach to tmux_sigint ended");
        assertThat(back).contains("1 Containers");
        terminal.waitFor("tmux_sigint · exited");
        assertThat(daemon.purser("inspect", "-f", "{{.State.ExitCode}}", "tmux_sigint").outLine()).isEqualTo("7");
        terminal.keys("q");
        terminal.waitFor("dashboard-closed");
    }

    @Test
    void ctrlDEndsTheAttachAndTheContainerKeepsRunningWithItsStdinOpen() throws IOException {
        assertThat(daemon.purser("run", "-d", "-i", "--name", "tmux_eof", "busybox", "cat").exitCode()).isZero();
        openDashboard();
        select("tmux_eof");
        attachToCat("warm-up");
        terminal.keys("C-d");
        String back = terminal.waitFor("attach to tmux_eof ended at the end of input (it keeps running)");
        assertThat(back).contains("tmux_eof · running");
        // as with docker: the daemon ended that attach only; a new one still reaches cat's stdin
        attachToCat("again");
        terminal.type("after-eof");
        terminal.waitUntil("cat still answering", s -> twiceOnConsecutiveLines(s, "after-eof"));
        terminal.keys("C-p", "C-q");
        terminal.waitFor("tmux_eof · running");
        terminal.keys("q");
        terminal.waitFor("dashboard-closed");
        assertThat(Files.readString(home.resolve("stty-after"))).isEqualTo(Files.readString(home.resolve("stty-before")));
    }

    @Test
    void theDashboardComesBackWhenAContainerWithoutATtyExitsDuringTheAttach() {
        assertThat(daemon.purser("run", "-d", "--name", "tmux_doomed", "busybox", "sh", "-c",
                "while true; do echo doomed-tick; sleep 0.2; done").exitCode()).isZero();
        openDashboard();
        select("tmux_doomed");
        terminal.keys("a");
        terminal.waitForPrompt("doomed-tick");
        assertThat(daemon.purser("kill", "tmux_doomed").exitCode()).isZero();
        String back = terminal.waitFor("attach to tmux_doomed ended");
        assertThat(back).contains("1 Containers");
        terminal.waitFor("tmux_doomed · exited");
        terminal.keys("q");
        terminal.waitFor("dashboard-closed");
    }

    @Test
    void quittingPutsTheTerminalBackExactlyAsItWas() throws IOException {
        openDashboard();
        terminal.waitFor("tmux_web");
        terminal.keys("q");
        terminal.waitFor("dashboard-closed");
        assertThat(Files.readString(home.resolve("stty-after"))).isEqualTo(Files.readString(home.resolve("stty-before")));
    }

    @Test
    void killTermPutsTheTerminalBackExactlyAsItWas() throws IOException {
        openDashboard();
        terminal.waitFor("tmux_web");
        ProcessHandle dashboard = ProcessHandle.allProcesses()
                .filter(p -> commandLine(p.pid()).contains("dev.purser.tui.Purser") && commandLine(p.pid()).contains(daemon.host()))
                .findFirst().orElseThrow(() -> new AssertionError("no dashboard process found"));
        dashboard.destroy();
        terminal.waitFor("dashboard-closed");
        assertThat(Files.readString(home.resolve("stty-after"))).isEqualTo(Files.readString(home.resolve("stty-before")));
    }

    /** A process's whole command line from /proc (ProcessHandle.Info may leave the arguments out). */
    private static String commandLine(long pid) {
        try {
            return new String(Files.readAllBytes(Path.of("/proc", Long.toString(pid), "cmdline")), java.nio.charset.StandardCharsets.UTF_8)
                    .replace('\0', ' ');
        } catch (IOException gone) {
            return "";
        }
    }

    @Test
    void theStopKeyTurnsTheStatusToExited() {
        assertThat(daemon.purser("run", "-d", "--name", "tmux_stop", "busybox", "sleep", "600").exitCode()).isZero();
        openDashboard();
        select("tmux_stop");
        terminal.keys("s");
        terminal.waitFor("Exited (");
        terminal.keys("q");
        terminal.waitFor("dashboard-closed");
    }

    private void waitForMouseFlag(String wanted) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!terminal.pane("#{mouse_any_flag}").equals(wanted)) {
            if (System.nanoTime() > deadline) throw new AssertionError("tmux's mouse_any_flag never became " + wanted + ":\n" + terminal.screen());
            Thread.onSpinWait();
        }
    }

    @Test
    void theMouseIsNotCapturedUntilTheMouseKeyAndTheKeyAgainReleasesIt() {
        openDashboard();
        terminal.waitFor("tmux_web");
        // off by default: the terminal's own selection copies text
        assertThat(terminal.pane("#{mouse_any_flag}")).isEqualTo("0");
        terminal.keys("M");
        terminal.waitFor("mouse capture on");
        waitForMouseFlag("1");
        terminal.keys("M");
        terminal.waitFor("mouse capture off");
        waitForMouseFlag("0");
        terminal.keys("q");
        terminal.waitFor("dashboard-closed");
    }

    @Test
    void theRunFormCanGoStraightIntoAShellAndCtrlPCtrlQComesBack() {
        openDashboard();
        terminal.waitFor("tmux_web");
        terminal.keys("c");
        terminal.waitFor("Run a container");
        terminal.keys("-l", "busybox");
        terminal.keys("Tab");
        terminal.keys("-l", "tmux_formed");
        // the imported busybox has no command of its own
        terminal.keys("Tab");
        terminal.keys("-l", "sh");
        // to "then", and from detached to a shell
        for (int i = 0; i < 5; i++) terminal.keys("Tab");
        terminal.keys("Space");
        terminal.waitFor("a shell in it");
        terminal.keys("Enter");
        terminal.waitForPrompt("/ #");
        terminal.type("hostname");
        terminal.waitFor("\n" + hostname("tmux_formed"));
        terminal.keys("C-p", "C-q");
        String back = terminal.waitFor("1 Containers");
        assertThat(back).contains("detached from the sh in tmux_formed");
        assertThat(daemon.purser("inspect", "-f", "{{.State.Status}}", "tmux_formed").outLine()).isEqualTo("running");
        terminal.keys("q");
        terminal.waitFor("dashboard-closed");
    }
}
