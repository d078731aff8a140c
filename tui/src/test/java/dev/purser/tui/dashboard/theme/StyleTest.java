package dev.purser.tui.dashboard.theme;

import static org.assertj.core.api.Assertions.assertThat;

import com.googlecode.lanterna.SGR;
import com.googlecode.lanterna.TextCharacter;
import com.googlecode.lanterna.TextColor;
import java.util.Set;
import org.junit.jupiter.api.Test;

class StyleTest {
    private final Style style = new Style(TextColor.ANSI.YELLOW, TextColor.ANSI.BLUE, Set.of(SGR.BOLD));

    @Test
    void aCellIsMadeOncePerCharacterAndKept() {
        assertThat(style.cell('a')).isSameAs(style.cell('a'));
        assertThat(style.cell('─')).isSameAs(style.cell('─'));
        assertThat(style.cell('a')).isNotSameAs(style.cell('b'));
    }

    @Test
    void aCellShowsItsCharacterInTheStylesColoursAndAttributes() {
        TextCharacter cell = style.cell('x');
        assertThat(cell.getCharacterString()).isEqualTo("x");
        assertThat(cell.getForegroundColor()).isEqualTo(TextColor.ANSI.YELLOW);
        assertThat(cell.getBackgroundColor()).isEqualTo(TextColor.ANSI.BLUE);
        assertThat(cell.getModifiers()).containsExactly(SGR.BOLD);
    }

    @Test
    void equalStylesAreEqualWhateverCellsTheyKept() {
        Style other = new Style(TextColor.ANSI.YELLOW, TextColor.ANSI.BLUE, Set.of(SGR.BOLD));
        style.cell('q');
        assertThat(other).isEqualTo(style).hasSameHashCodeAs(style);
        assertThat(new Style(TextColor.ANSI.YELLOW, TextColor.ANSI.BLUE, Set.of())).isNotEqualTo(style);
    }
}
