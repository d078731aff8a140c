package dev.purser.tui.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CommandSelectionTest {
    private static CommandSelection of(String... args) {
        return CommandSelection.of(args);
    }

    @Test
    void aTopLevelCommandIsSelectedAlone() {
        assertThat(of("ps", "-a")).isEqualTo(new CommandSelection("ps", null));
        assertThat(of("ps").wantsTop("ps")).isTrue();
        assertThat(of("ps").wantsTop("run")).isFalse();
    }

    @Test
    void globalOptionsAndTheirValuesAreSkipped() {
        assertThat(of("-H", "unix:///x.sock", "--root", "/r", "-D", "inspect", "web").top()).isEqualTo("inspect");
        assertThat(of("--host=unix:///x.sock", "logs", "web").top()).isEqualTo("logs");
    }

    @Test
    void aGroupSelectsItsSubcommandByNameOrAlias() {
        CommandSelection ls = of("container", "ps", "-a");
        assertThat(ls.wantsIn("container", "ls", "ps", "list")).isTrue();
        assertThat(ls.wantsIn("container", "rm", "remove")).isFalse();
        assertThat(ls.wantsIn("image", "ls", "list")).isFalse();
        assertThat(ls.wantsTop("ps")).isFalse();
    }

    @Test
    void theVolumeGroupSelectsItsSubcommandByNameOrAlias() {
        CommandSelection list = of("volume", "list", "-q");
        assertThat(list.wantsIn("volume", "ls", "list")).isTrue();
        assertThat(list.wantsIn("volume", "rm", "remove")).isFalse();
        assertThat(list.wantsIn("image", "ls", "list")).isFalse();
    }

    @Test
    void aGroupWithoutSubcommandBuildsTheWholeGroup() {
        assertThat(of("image").wantsIn("image", "ls")).isTrue();
    }

    @Test
    void helpCompletionNoCommandAndUnknownOptionsSelectEverything() {
        assertThat(of()).isEqualTo(CommandSelection.ALL);
        assertThat(of("--help")).isEqualTo(CommandSelection.ALL);
        assertThat(of("-h")).isEqualTo(CommandSelection.ALL);
        assertThat(of("help", "run")).isEqualTo(CommandSelection.ALL);
        assertThat(of("completion", "bash")).isEqualTo(CommandSelection.ALL);
        assertThat(of("--bogus", "ps")).isEqualTo(CommandSelection.ALL);
        assertThat(of("run", "--help")).isEqualTo(CommandSelection.ALL);
        assertThat(of("container", "ls", "-h")).isEqualTo(CommandSelection.ALL);
    }
}
