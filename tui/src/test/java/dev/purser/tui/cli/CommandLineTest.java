package dev.purser.tui.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.purser.tui.Purser;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Parsing and usage errors, run in-process; none of these reach a daemon. */
class CommandLineTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int purser(String... args) {
        return Purser.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                InputStream.nullInputStream(), Map.of("PURSER_HOST", "unix:///nonexistent/purser.sock", "PURSER_AUTOSTART", "0"), false);
    }

    private String err() { return err.toString(StandardCharsets.UTF_8); }

    @Test void noArgumentsPrintsUsage() {
        assertThat(purser()).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("Usage:").contains("run");
    }

    @Test void bashCompletionCoversCommandsAndFlags() {
        assertThat(purser("completion", "bash")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("complete -F").contains("run").contains("--detach-keys");
    }

    @Test void completionForAnUnknownShellIsRefused() {
        assertThat(purser("completion", "tcsh")).isEqualTo(1);
        assertThat(err()).contains("unsupported shell \"tcsh\"");
    }

    @Test void versionFlagPrintsVersion() {
        assertThat(purser("--version")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("purser version");
    }

    @Test void unknownFlagIsUsageErrorWithExit125() {
        assertThat(purser("run", "--foo", "x")).isEqualTo(125);
        assertThat(err()).startsWith("unknown flag: --foo\n\nUsage:  purser run [OPTIONS] IMAGE [COMMAND] [ARG...]\n\nRun 'purser run --help' for more information");
    }

    @Test void platformIsRefusedWhereNothingWouldApplyIt() {
        for (String[] args : new String[][] {{"save", "--platform", "linux/arm64", "-o", "/dev/null", "busybox"},
                {"load", "--platform", "linux/arm64", "-i", "/dev/null"}, {"rmi", "--platform", "linux/arm64", "busybox"},
                {"history", "--platform", "linux/arm64", "busybox"}, {"import", "--platform", "linux/arm64", "/dev/null", "x"}}) {
            err.reset();
            assertThat(purser(args)).as(String.join(" ", args)).isEqualTo(125);
            assertThat(err()).as(String.join(" ", args)).contains("purser does not support --platform yet");
        }
    }

    @Test void unknownCommandExits1() {
        assertThat(purser("frobnicate")).isEqualTo(1);
        assertThat(err()).startsWith("purser: unknown command: purser frobnicate");
    }

    @Test void missingArgumentsExit1WithDockersMessage() {
        assertThat(purser("rm")).isEqualTo(1);
        assertThat(err()).startsWith("purser: 'purser rm' requires at least 1 argument\n\nUsage:  purser rm [OPTIONS] CONTAINER [CONTAINER...]");
    }

    @Test void badMemoryValueIsUsageErrorWithExit125() {
        assertThat(purser("run", "-dit", "-m", "5x", "busybox")).isEqualTo(125);
        assertThat(err()).contains("invalid argument \"5x\" for \"-m, --memory\" flag: invalid suffix: 'x'");
    }

    @Test void ttyWithoutTerminalIsRefused() {
        assertThat(purser("run", "-it", "busybox")).isEqualTo(1);
        assertThat(err()).startsWith("the input device is not a TTY");
    }

    @Test void ttyWithoutStdinNeedsNoTerminal() {
        // docker's CheckTty only refuses -t together with -i; -t alone goes on to the daemon
        purser("run", "-t", "busybox");
        assertThat(err()).doesNotContain("not a TTY");
    }

    @Test void deadSocketSaysDaemonIsNotRunning() {
        assertThat(purser("ps")).isEqualTo(1);
        assertThat(err()).startsWith("Cannot connect to the purser daemon at unix:///nonexistent/purser.sock. Is the daemon running?");
    }

    @Test void managementAliasParses() {
        assertThat(purser("container", "ls", "--foo")).isEqualTo(125);
        assertThat(err()).startsWith("unknown flag: --foo");
    }
}
