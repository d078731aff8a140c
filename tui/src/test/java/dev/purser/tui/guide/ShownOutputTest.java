package dev.purser.tui.guide;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ShownOutputTest {
    @Test
    void exactTextMatches() {
        assertThat(ShownOutput.matches(List.of("hi"), "hi\n")).isTrue();
    }

    @Test
    void differentTextDoesNotMatch() {
        assertThat(ShownOutput.matches(List.of("hi"), "ho\n")).isFalse();
    }

    @Test
    void aMissingLineDoesNotMatch() {
        assertThat(ShownOutput.matches(List.of("a", "b"), "a\n")).isFalse();
    }

    @Test
    void anExtraLineDoesNotMatch() {
        assertThat(ShownOutput.matches(List.of("a"), "a\nb\n")).isFalse();
    }

    @Test
    void nothingShownMeansNothingPrinted() {
        assertThat(ShownOutput.matches(List.of(), "")).isTrue();
        assertThat(ShownOutput.matches(List.of(), "oops\n")).isFalse();
    }

    @Test
    void anEllipsisInALineStandsForAnyText() {
        assertThat(ShownOutput.matches(List.of("Up … ago"), "Up 3 seconds ago\n")).isTrue();
        assertThat(ShownOutput.matches(List.of("Up … ago"), "Exited 3 seconds ago\n")).isFalse();
    }

    @Test
    void aLineOfOnlyAnEllipsisStandsForAnyNumberOfLines() {
        assertThat(ShownOutput.matches(List.of("…", "b", "…"), "a\nx\nb\nc\n")).isTrue();
        assertThat(ShownOutput.matches(List.of("…", "b", "…"), "b\n")).isTrue();
        assertThat(ShownOutput.matches(List.of("…", "b", "…"), "a\nc\n")).isFalse();
    }

    @Test
    void runsOfSpacesMatchAnyRunOfSpaces() {
        assertThat(ShownOutput.matches(List.of("NAME   STATUS"), "NAME  STATUS     \n")).isTrue();
    }

    @Test
    void spacesStillSeparateWords() {
        assertThat(ShownOutput.matches(List.of("NAME STATUS"), "NAMESTATUS\n")).isFalse();
    }

    @Test
    void regexCharactersAreLiteral() {
        assertThat(ShownOutput.matches(List.of("a.c (x)"), "abc (x)\n")).isFalse();
        assertThat(ShownOutput.matches(List.of("a.c (x)"), "a.c (x)\n")).isTrue();
    }
}
