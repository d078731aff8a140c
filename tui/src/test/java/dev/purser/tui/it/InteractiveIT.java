package dev.purser.tui.it;

import dev.purser.engine.testing.TmuxSession;

import static org.assertj.core.api.Assertions.assertThat;

import dev.purser.tui.it.InProcessDaemon.Result;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * purser's own interactive sessions (run -it, attach, exec -it, detach keys) in a real terminal:
 * tmux runs bash, bash runs the purser CLI as a separate JVM against an in-process daemon.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class InteractiveIT {
    static InProcessDaemon daemon;
    static Path configDir;
    TmuxSession terminal;

    @BeforeAll
    static void startDaemon() throws IOException {
        daemon = InProcessDaemon.start();
        Result imported = daemon.importBusybox();
        assertThat(imported.exitCode()).as(imported.err()).isZero();
        writeLauncher(daemon.root().resolve("bin/purser"));
        configDir = Files.createDirectories(daemon.root().resolve("config"));
    }

    /** bin/purser: this test's classpath, the CLI's main class, the daemon's socket. */
    private static void writeLauncher(Path script) throws IOException {
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
        terminal = TmuxSession.start(120, 40, Map.of());
        terminal.type("export PATH='" + daemon.root().resolve("bin") + "':$PATH PURSER_AUTOSTART=0 PURSER_CONFIG='"
                + configDir + "'; PS1='outer''$ '");
        terminal.waitForPrompt("outer$");
    }

    @AfterEach
    void closeTerminal() {
        terminal.close();
    }

    private static String status(String name) {
        return daemon.purser("inspect", "-f", "{{.State.Status}}", name).outLine();
    }

    private void runShell(String name, String... extraFlags) {
        terminal.type("clear; purser run -it " + String.join(" ", extraFlags) + " --name " + name + " busybox sh");
        terminal.waitForPrompt("/ #");
    }

    /**
     * Waits until {@code command} runs in the container: a key that makes a signal (Ctrl-C,
     * Ctrl-\\) typed while the shell is still starting it would reach the shell instead. The shell
     * makes the job the terminal's foreground before it execs, so once the process runs under
     * its own name it is the foreground.
     */
    private static void awaitForeground(String container, String command) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!daemon.purser("top", container).out().contains(command)) {
            assertThat(System.nanoTime()).as(command + " runs in " + container).isLessThan(deadline);
            java.util.concurrent.locks.LockSupport.parkNanos(50_000_000);
        }
    }

    private void detach() {
        terminal.keys("C-p", "C-q");
        terminal.waitForPromptAtEnd("outer$");
    }

    @Test
    void runItGivesAShellOnATerminalOfTheWindowsSize() {
        runShell("web_tty");
        terminal.type("tty; stty size");
        terminal.waitFor("/dev/pts/0");
        terminal.waitFor("40 120");
        terminal.type("exit");
        terminal.waitForPromptAtEnd("outer$");
    }

    @Test
    void theContainersTerminalFollowsResizeWindow() {
        runShell("web_resize");
        terminal.resize(100, 30);
        // The new size travels from the client's SIGWINCH through a resize request, the keys
        // typed next through the attach stream: the shell asks until the size has landed (ten
        // seconds at most), then prints it in a form the typed line does not contain.
        terminal.type("clear; " + TmuxSession.untilSizeIs(30, 100));
        terminal.waitFor("size=30x100");
        terminal.type("exit");
    }

    @Test
    void ctrlPCtrlQDetachesAndLeavesTheContainerUp() {
        runShell("web_detach");
        detach();
        assertThat(status("web_detach")).isEqualTo("running");
        terminal.type("clear; purser ps");
        terminal.waitFor("web_detach");
        assertThat(terminal.screen()).containsPattern("Up .*web_detach");
        daemon.purser("rm", "-f", "web_detach");
    }

    @Test
    void theTerminalIsRestoredAfterDetach() {
        runShell("web_restore");
        detach();
        terminal.type("clear; stty -a | tr ' ' '\\n' | grep -x -e icanon -e echo -e -icanon -e -echo | tr '\\n' ' '; echo");
        terminal.waitFor("icanon echo");
        assertThat(terminal.screen()).doesNotContain("-icanon").doesNotContain("-echo ");
        daemon.purser("rm", "-f", "web_restore");
    }

    @Test
    void attachBringsTheSameShellBack() {
        runShell("web_attach");
        terminal.type("REMEMBERED=before-detach");
        // the shell asks the terminal where its cursor is with each prompt: detach only once the
        // prompt is out, or the terminal's answer lands in the outer shell after the detach
        terminal.waitFor("REMEMBERED=before-detach\n/ #");
        detach();
        terminal.type("clear; purser attach web_attach");
        terminal.keys("Enter");
        terminal.waitForPrompt("/ #");
        terminal.type("echo $REMEMBERED");
        terminal.waitFor("\nbefore-detach");
        terminal.type("exit 7");
        terminal.waitForPromptAtEnd("outer$");
        terminal.type("echo rc=$?");
        terminal.waitFor("rc=7");
        assertThat(status("web_attach")).isEqualTo("exited");
    }

    @Test
    void detachingFromAttachSaysReadEscapeSequence() {
        runShell("web_attach_detach");
        detach();
        terminal.type("clear; purser attach web_attach_detach");
        terminal.keys("Enter");
        terminal.waitForPrompt("/ #");
        terminal.keys("C-p", "C-q");
        terminal.waitFor("read escape sequence");
        terminal.type("echo rc=$?");
        terminal.waitFor("rc=1");
        assertThat(status("web_attach_detach")).isEqualTo("running");
        daemon.purser("rm", "-f", "web_attach_detach");
    }

    @Test
    void ctrlPThenAnotherKeyReachesTheContainer() {
        runShell("web_ctrlp");
        terminal.keys("C-p", "x");
        terminal.keys("C-u");
        terminal.type("echo still-attached");
        terminal.waitFor("\nstill-attached");
        assertThat(status("web_ctrlp")).isEqualTo("running");
        terminal.type("exit");
        terminal.waitForPromptAtEnd("outer$");
    }

    @Test
    void exitEndsTheContainerAndPurserExitsWithItsCode() {
        runShell("web_exit");
        terminal.type("exit 3");
        terminal.waitForPromptAtEnd("outer$");
        terminal.type("echo rc=$?");
        terminal.waitFor("rc=3");
        assertThat(status("web_exit")).isEqualTo("exited");
    }

    @Test
    void ctrlCGoesToTheContainer() {
        runShell("web_ctrlc");
        terminal.type("sleep 1000");
        awaitForeground("web_ctrlc", "sleep 1000");
        terminal.keys("C-c");
        terminal.waitForPrompt("/ #");
        terminal.type("echo after-interrupt");
        terminal.waitFor("\nafter-interrupt");
        assertThat(status("web_ctrlc")).isEqualTo("running");
        terminal.type("exit");
        terminal.waitForPromptAtEnd("outer$");
    }

    @Test
    void ctrlBackslashQuitsTheContainersForegroundJobAndLeavesPurserAttached() {
        runShell("web_quit");
        terminal.type("clear; sleep 1000; echo after-quit");
        awaitForeground("web_quit", "sleep 1000");
        terminal.keys("C-\\");
        terminal.waitFor("\nafter-quit");
        assertThat(status("web_quit")).isEqualTo("running");
        terminal.type("exit");
        terminal.waitForPromptAtEnd("outer$");
        terminal.type("clear; stty -a | tr ' ' '\\n' | grep -x -e icanon -e echo | tr '\\n' ' '; echo");
        terminal.waitFor("icanon echo");
    }

    @Test
    void execItOpensASecondShellAndExitEndsOnlyThatOne() {
        daemon.purser("run", "-d", "--name", "web_exec", "busybox", "sleep", "1000");
        terminal.type("clear; purser exec -it web_exec sh");
        terminal.waitForPrompt("/ #");
        terminal.type("tty; stty size; cat /proc/1/cmdline; echo");
        terminal.waitFor("/dev/pts/");
        terminal.waitFor("40 120");
        terminal.waitFor("sleep1000");
        terminal.type("exit 4");
        terminal.waitForPromptAtEnd("outer$");
        terminal.type("echo rc=$?");
        terminal.waitFor("rc=4");
        assertThat(status("web_exec")).isEqualTo("running");
        daemon.purser("rm", "-f", "web_exec");
    }

    @Test
    void interactiveWithoutTtyStreamsPipedStdin() {
        terminal.type("clear; echo hi | purser run -i --rm busybox cat; echo rc=$?");
        String screen = terminal.waitFor("rc=0");
        assertThat(screen).containsPattern("(?m)^hi\nrc=0");
    }

    @Test
    void interactiveWithoutTtyInProcessSeesEndOfInput() {
        Result r = daemon.purser(new ByteArrayInputStream("one\ntwo\n".getBytes(StandardCharsets.UTF_8)),
                "run", "-i", "--rm", "busybox", "wc", "-l");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.outLine()).isEqualTo("2");
    }

    @Test
    void ttyWithInteractiveNeedsATerminal() {
        terminal.type("clear; echo | purser run -it busybox sh; echo rc=$?");
        // "rc=" alone is on the typed line already: wait for what only the command prints
        terminal.waitFor("the input device is not a TTY");
        assertThat(terminal.waitFor("rc=1")).contains("the input device is not a TTY");
    }

    @Test
    void detachKeysFlagChangesTheSequence() {
        runShell("web_keys", "--detach-keys", "ctrl-a,d");
        terminal.keys("C-p", "C-q");
        terminal.type("echo not-detached");
        terminal.waitFor("\nnot-detached");
        terminal.keys("C-a", "d");
        terminal.waitForPromptAtEnd("outer$");
        assertThat(status("web_keys")).isEqualTo("running");
        daemon.purser("rm", "-f", "web_keys");
    }

    @Test
    void detachKeysComeFromTheConfigFileAndTheFlagWins() throws IOException {
        Files.writeString(configDir.resolve("config.json"), "{\"detachKeys\": \"ctrl-a,d\"}");
        try {
            runShell("web_config");
            terminal.keys("C-a", "d");
            terminal.waitForPromptAtEnd("outer$");
            assertThat(status("web_config")).isEqualTo("running");
            terminal.type("clear; purser attach --detach-keys ctrl-x,ctrl-y web_config");
            terminal.keys("Enter");
            terminal.waitForPrompt("/ #");
            terminal.keys("C-x", "C-y");
            terminal.waitFor("read escape sequence");
            assertThat(status("web_config")).isEqualTo("running");
        } finally {
            Files.delete(configDir.resolve("config.json"));
            daemon.purser("rm", "-f", "web_config");
        }
    }

    @Test
    void attachToAStoppedContainerIsRefused() {
        daemon.purser("create", "--name", "web_stopped", "busybox", "true");
        Result r = daemon.purser("attach", "web_stopped");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).startsWith("cannot attach to a stopped container, start it first");
        daemon.purser("rm", "-f", "web_stopped");
    }
}
