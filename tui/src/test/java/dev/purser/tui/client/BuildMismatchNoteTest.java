package dev.purser.tui.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.purser.engine.api.BuildId;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BuildMismatchNoteTest {
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private BuildMismatchNote note(String own) {
        return new BuildMismatchNote("unix:///run/purser/purser.sock", new PrintStream(err, true, StandardCharsets.UTF_8),
                Optional.ofNullable(own).map(BuildId::new));
    }

    private String printed() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void anotherBuildIsNamedWithHowToRestartTheDaemon() {
        note("aaaa").check("bbbb; pid=42");
        assertThat(printed()).isEqualTo("purser: the purser daemon at unix:///run/purser/purser.sock runs another build (bbbb)"
                + " than this client (aaaa); restart it to use this build: kill 42 (it stops its containers), then run purser again\n");
    }

    @Test
    void theSameBuildSaysNothing() {
        note("aaaa").check("aaaa; pid=42");
        assertThat(printed()).isEmpty();
    }

    @Test
    void onlyTheFirstResponseCounts() {
        BuildMismatchNote note = note("aaaa");
        note.check("bbbb; pid=42");
        note.check("bbbb; pid=42");
        assertThat(printed().lines()).hasSize(1);
    }

    @Test
    void aDaemonThatIsNotPursersSaysNothing() {
        note("aaaa").check(null);
        assertThat(printed()).isEmpty();
    }

    @Test
    void aClientRunFromClassDirectoriesSaysNothing() {
        note(null).check("bbbb; pid=42");
        assertThat(printed()).isEmpty();
    }
}
