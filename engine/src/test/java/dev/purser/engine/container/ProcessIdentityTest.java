package dev.purser.engine.container;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A recorded pid names the process that had it then, not whatever holds it now. */
class ProcessIdentityTest {
    static final int SELF = (int) ProcessHandle.current().pid();

    @Test
    void startTimeIsField22EvenWhenTheCommandNameHoldsSpacesAndParentheses() {
        String stat = "4242 (a (weird) name) S 1 4242 4242 0 -1 4194560 100 0 0 0 1 2 0 0 20 0 1 0 987654 1000 10";
        assertThat(ProcessIdentity.parseStartTicks(stat)).isEqualTo(987654L);
    }

    @Test
    void aLiveProcessIsItself() {
        assertThat(ProcessIdentity.of(SELF).orElseThrow().isAlive()).isTrue();
    }

    @Test
    void theSamePidWithAnotherStartTimeIsAnotherProcess() {
        ProcessIdentity me = ProcessIdentity.of(SELF).orElseThrow();
        assertThat(new ProcessIdentity(SELF, me.startTicks() + 1, me.bootId()).isAlive()).isFalse();
    }

    @Test
    void theSamePidAndStartTimeInAnotherBootIsAnotherProcess() {
        ProcessIdentity me = ProcessIdentity.of(SELF).orElseThrow();
        assertThat(new ProcessIdentity(SELF, me.startTicks(), "another-boot").isAlive()).isFalse();
    }

    @Test
    void aPidNoProcessHoldsHasNoIdentity() {
        assertThat(ProcessIdentity.of(Integer.MAX_VALUE)).isEmpty();
    }

    @Test
    void anIdentityReadsBackAsWritten(@TempDir Path dir) {
        ProcessIdentity me = ProcessIdentity.of(SELF).orElseThrow();
        me.writeTo(dir.resolve("process"));
        assertThat(ProcessIdentity.readFrom(dir.resolve("process"))).contains(me);
    }

    @Test
    void aMissingOrGarbledFileIsNoIdentity(@TempDir Path dir) throws Exception {
        assertThat(ProcessIdentity.readFrom(dir.resolve("absent"))).isEmpty();
        java.nio.file.Files.writeString(dir.resolve("garbled"), "12 x");
        assertThat(ProcessIdentity.readFrom(dir.resolve("garbled"))).isEmpty();
    }

    @Test
    void textWithTheWrongNumberOfPartsIsRefused() {
        assertThatThrownBy(() -> ProcessIdentity.parse("1 2")).isInstanceOf(IllegalArgumentException.class);
    }
}
