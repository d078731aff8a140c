package dev.purser.engine.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.purser.engine.testing.TestDaemon;
import dev.purser.engine.testing.TmuxSession;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The stock docker CLI's interactive sessions against purser, in a real terminal (tmux). */
class DockerInteractiveIT {
    static TestDaemon daemon;
    TmuxSession terminal;

    @BeforeAll
    static void startDaemon() {
        daemon = TestDaemon.start();
    }

    @AfterAll
    static void stopDaemon() {
        daemon.close();
    }

    @BeforeEach
    void openTerminal() {
        terminal = TmuxSession.start(120, 40, Map.of("DOCKER_HOST", "unix://" + daemon.socket(),
                "DOCKER_CONFIG", daemon.engine().root().resolve("docker-config").toString()));
        // bash ignores a PS1 from the environment; quoted apart so the typed line itself doesn't match
        terminal.type("PS1='outer''$ '");
        terminal.waitForPromptAtEnd("outer$");
    }

    @AfterEach
    void closeTerminal() {
        terminal.close();
    }

    private String status(String name) {
        return daemon.docker("inspect", "-f", "{{.State.Status}}", name).outLine();
    }

    @Test
    void runItGivesAShellOnTheContainersTerminal() {
        terminal.type("docker run -it --name it-shell busybox sh");
        terminal.waitForPromptAtEnd("/ #");
        terminal.type("tty; stty size");
        terminal.waitFor("/dev/pts/0");
        terminal.waitFor("40 120");
        terminal.type("exit");
        terminal.waitForPromptAtEnd("outer$");
        assertThat(status("it-shell")).isEqualTo("exited");
    }

    @Test
    void ctrlPCtrlQDetachesAndAttachReturnsToTheSameShell() {
        terminal.type("docker run -it --name it-detach busybox sh");
        terminal.waitForPromptAtEnd("/ #");
        terminal.type("echo typed-before-detach");
        // the output and the next prompt, not the typed line: the shell asks the terminal where
        // its cursor is with each prompt, and an answer still on its way after the detach keys
        // lands in the outer shell
        terminal.waitFor("\ntyped-before-detach\n/ #");
        terminal.keys("C-p", "C-q");
        terminal.waitForPromptAtEnd("outer$");
        assertThat(status("it-detach")).isEqualTo("running");

        terminal.type("clear; docker attach it-detach");
        terminal.keys("Enter");
        terminal.waitForPromptAtEnd("/ #");
        terminal.type("echo $((6*7))");
        terminal.waitFor("42");
        terminal.type("exit");
        terminal.waitForPromptAtEnd("outer$");
        assertThat(status("it-detach")).isEqualTo("exited");
    }

    @Test
    void ctrlPFollowedByAnotherKeyReachesTheContainer() {
        terminal.type("docker run -it --name it-ctrlp busybox sh");
        terminal.waitForPromptAtEnd("/ #");
        // Ctrl-P then x: not the detach sequence; the shell gets both (Ctrl-P recalls history in ash)
        terminal.keys("C-p", "x");
        terminal.keys("C-u");
        terminal.type("echo still-attached");
        terminal.waitFor("still-attached");
        assertThat(status("it-ctrlp")).isEqualTo("running");
        terminal.type("exit");
        terminal.waitForPromptAtEnd("outer$");
    }

    private static void awaitResizeEvent(String container) {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(30);
        while (daemon.docker("events", "--since", "0", "--until", Long.toString(java.time.Instant.now().getEpochSecond() + 1),
                "--filter", "container=" + container, "--filter", "event=resize").out().isBlank()) {
            assertThat(System.nanoTime()).as("the docker CLI sends " + container + "'s first size").isLessThan(deadline);
            java.util.concurrent.locks.LockSupport.parkNanos(50_000_000);
        }
    }

    @Test
    void resizingTheTerminalResizesTheContainersTerminal() {
        terminal.type("docker run -it --name it-resize busybox sh");
        terminal.waitForPromptAtEnd("/ #");
        // The shell's prompt can come before the docker CLI has set up its SIGWINCH handler
        // (it does so after the start, once it has sent the first size): a window resized
        // before then is lost by the CLI, with any daemon. The first size's resize event says
        // the CLI is past it.
        awaitResizeEvent("it-resize");
        terminal.resize(100, 30);
        // the client forwards the new size when its SIGWINCH arrives: the shell asks until it has landed
        terminal.type("clear; " + TmuxSession.untilSizeIs(30, 100));
        terminal.waitFor("size=30x100");
        terminal.type("exit");
        terminal.waitForPromptAtEnd("outer$");
    }

    @Test
    void execItOpensASecondShellAndExitEndsOnlyThatShell() {
        daemon.docker("run", "-d", "--name", "it-exec", "busybox", "sleep", "1000");
        terminal.type("docker exec -it it-exec sh");
        terminal.waitForPromptAtEnd("/ #");
        terminal.type("tty; cat /proc/1/cmdline");
        terminal.waitFor("/dev/pts/");
        terminal.waitFor("sleep1000");
        terminal.type("exit");
        terminal.waitForPromptAtEnd("outer$");
        assertThat(status("it-exec")).isEqualTo("running");
        daemon.docker("rm", "-f", "it-exec");
    }

    @Test
    void fullScreenTopDrawsAndQuits() {
        terminal.type("docker run -it --rm busybox top");
        terminal.waitFor("Mem:");
        terminal.waitFor("PID  PPID USER");
        terminal.keys("q");
        terminal.waitForPromptAtEnd("outer$");
    }

    @Test
    void viFillsTheWindowAndSavesAFile() throws InterruptedException {
        terminal.type("docker run -it --name it-vi busybox sh -c 'vi /tmp/note; cat /tmp/note'");
        terminal.waitFor("\n~\n");
        String screen = terminal.waitFor("- /tmp/note");
        // an empty buffer shows a ~ on every line but the status line: vi knows the window's size
        assertThat(screen.lines().filter(l -> l.equals("~")).count()).isEqualTo(38);
        terminal.keys("i");
        terminal.keys("-l", "written in vi");
        terminal.keys("Escape");
        // vi reads an Escape followed at once by more bytes as a key sequence: give it a moment
        Thread.sleep(300);
        terminal.type(":wq");
        terminal.waitForPromptAtEnd("outer$");
        assertThat(daemon.docker("logs", "it-vi").out()).contains("written in vi");
        daemon.docker("rm", "-f", "it-vi");
    }

    @Test
    void interactiveWithoutTerminalStreamsStdin() {
        TestDaemon.Result r = daemon.docker("hi\n".getBytes(), "run", "-i", "--rm", "busybox", "cat");
        assertThat(r.out()).isEqualTo("hi\n");
    }

    @Test
    void detachKeysCanBeChanged() {
        terminal.type("docker run -it --detach-keys ctrl-a,d --name it-keys busybox sh");
        terminal.waitForPromptAtEnd("/ #");
        terminal.keys("C-a", "d");
        terminal.waitForPromptAtEnd("outer$");
        assertThat(status("it-keys")).isEqualTo("running");
        daemon.docker("rm", "-f", "it-keys");
    }
}
