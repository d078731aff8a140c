package dev.purser.tui.format;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TabWriterTest {
    @Test void lastCellIsNotPadded() {
        assertThat(TabWriter.docker().format("a\tb\n")).isEqualTo("a         b\n");
    }

    @Test void columnWidthIsLongestCellPlusPadding() {
        assertThat(TabWriter.docker().format("abcdefghijkl\tx\nb\ty\n")).isEqualTo("abcdefghijkl   x\nb              y\n");
    }

    @Test void lineWithoutTabsEndsAColumnBlock() {
        assertThat(TabWriter.docker().format("abcdefghijkl\tx\nplain\nb\ty\n")).isEqualTo("abcdefghijkl   x\nplain\nb         y\n");
    }
}
