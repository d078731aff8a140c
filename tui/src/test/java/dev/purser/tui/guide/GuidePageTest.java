package dev.purser.tui.guide;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.purser.tui.guide.GuideBlock.Kind;
import java.util.List;
import org.junit.jupiter.api.Test;

class GuidePageTest {
    @Test
    void shAndBashBlocksAreScripts() {
        GuidePage page = GuidePage.parse("p.md", "text\n```sh\nls\n```\n```bash\necho a\necho b\n```\n");
        assertThat(page.blocks()).extracting(GuideBlock::kind).containsExactly(Kind.SCRIPT, Kind.SCRIPT);
        assertThat(page.blocks().get(1).script()).isEqualTo("echo a\necho b\n");
        assertThat(page.blocks().get(0).line()).isEqualTo(2);
    }

    @Test
    void otherBlocksAreNotRead() {
        GuidePage page = GuidePage.parse("p.md", "```\nls\n```\n```text\nls\n```\n```json\n{}\n```\n");
        assertThat(page.blocks()).isEmpty();
    }

    @Test
    void aConsoleBlockIsCommandsEachWithWhatItShows() {
        GuidePage page = GuidePage.parse("p.md", "```console\n$ echo hi\nhi\n$ true\n```\n");
        List<GuideBlock.Step> steps = page.blocks().get(0).steps();
        assertThat(steps).containsExactly(new GuideBlock.Step("echo hi", List.of("hi"), false),
                new GuideBlock.Step("true", List.of(), false));
    }

    @Test
    void aBackslashContinuesACommand() {
        GuidePage page = GuidePage.parse("p.md", "```console\n$ echo a \\\n  b\na b\n```\n");
        assertThat(page.blocks().get(0).steps().get(0).command()).isEqualTo("echo a \\\n  b");
        assertThat(page.blocks().get(0).steps().get(0).shown()).containsExactly("a b");
    }

    @Test
    void echoOfTheStatusNextMakesAFailureShown() {
        GuidePage page = GuidePage.parse("p.md", "```console\n$ false\n$ echo $?\n1\n```\n");
        assertThat(page.blocks().get(0).steps().get(0).statusShown()).isTrue();
        assertThat(page.blocks().get(0).steps().get(1).statusShown()).isFalse();
    }

    @Test
    void anInteractiveBlockNamesItsTests() {
        GuidePage page = GuidePage.parse("p.md", "```console interactive A#b C#d\n$ purser run -it busybox sh\n/ #\n```\n");
        assertThat(page.blocks().get(0).kind()).isEqualTo(Kind.INTERACTIVE);
        assertThat(page.blocks().get(0).coveredBy()).containsExactly("A#b", "C#d");
    }

    @Test
    void anInteractiveBlockWithoutTestsIsRefused() {
        assertThatThrownBy(() -> GuidePage.parse("p.md", "```console interactive\n$ x\n```\n"))
                .hasMessageContaining("p.md:1: an interactive block names the tests");
    }

    @Test
    void aConsoleBlockThatDoesNotStartWithACommandIsRefused() {
        assertThatThrownBy(() -> GuidePage.parse("p.md", "```console\nhi\n$ echo hi\n```\n"))
                .hasMessageContaining("p.md:2: a console block starts with a '$ ' command");
    }

    @Test
    void anUnclosedBlockIsRefused() {
        assertThatThrownBy(() -> GuidePage.parse("p.md", "a\n```sh\nls\n")).hasMessageContaining("p.md:2: the code block is never closed");
    }
}
