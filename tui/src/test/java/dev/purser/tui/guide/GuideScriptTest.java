package dev.purser.tui.guide;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Pages run in a real bash, and what they print is read back per block and command. */
class GuideScriptTest {
    private static Optional<String> run(String markdown) throws IOException, InterruptedException {
        GuidePage page = GuidePage.parse("page.md", markdown);
        Process bash = new ProcessBuilder("bash", "-c", GuideScript.of(page, Map.of("/var/lib/purser", "/replaced")))
                .redirectErrorStream(true).start();
        String transcript = new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        bash.waitFor();
        return GuideScript.firstFailure(page, transcript);
    }

    @Test
    void aPageThatPrintsWhatItShowsPasses() throws Exception {
        assertThat(run("```sh\nX=1\n```\n```console\n$ echo $X\n1\n$ echo err >&2\nerr\n```\n")).isEmpty();
    }

    @Test
    void aFailingScriptIsNamedWithItsCommand() throws Exception {
        assertThat(run("```sh\ntrue\nfalse\necho never\n```\n"))
                .hasValueSatisfying(m -> assertThat(m).contains("page.md: the block at line 1 (true ...) failed at the command: false"));
    }

    @Test
    void theBlocksAfterAFailingScriptDoNotRun() throws Exception {
        assertThat(run("```sh\nexit 3\n```\n```console\n$ echo hi\nhi\n```\n"))
                .hasValueSatisfying(m -> assertThat(m).contains("the block at line 1"));
    }

    @Test
    void aCommandPrintingSomethingElseIsNamedWithBoth() throws Exception {
        assertThat(run("```console\n$ echo hi\nho\n```\n")).hasValueSatisfying(m -> assertThat(m)
                .contains("the command 'echo hi' printed what the guide does not show", "ho", "hi"));
    }

    @Test
    void aFailingCommandFailsThePage() throws Exception {
        assertThat(run("```console\n$ false\n```\n")).hasValueSatisfying(m -> assertThat(m).contains("the command 'false' exited 1"));
    }

    @Test
    void aFailingCommandWhoseStatusIsShownPasses() throws Exception {
        assertThat(run("```console\n$ (exit 125)\n$ echo $?\n125\n```\n")).isEmpty();
    }

    @Test
    void aShownStatusMustBeTheRealOne() throws Exception {
        assertThat(run("```console\n$ (exit 1)\n$ echo $?\n125\n```\n")).isPresent();
    }

    @Test
    void replacementsApplyToTheBlocks() throws Exception {
        assertThat(run("```console\n$ echo /var/lib/purser/x\n/replaced/x\n```\n")).isEmpty();
    }

    @Test
    void interactiveBlocksDoNotRun() throws Exception {
        assertThat(run("```console interactive A#b\n$ false\nanything\n```\n")).isEmpty();
    }
}
