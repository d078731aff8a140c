package dev.purser.tui.dashboard.log;

import static org.assertj.core.api.Assertions.assertThat;

import com.googlecode.lanterna.TextColor;
import org.junit.jupiter.api.Test;

class StyledTextTest {
    @Test
    void sgrColoursBecomeSpansAndLeaveTheText() {
        StyledText t = StyledText.parse("a \033[31mred\033[0m b");
        assertThat(t.text()).isEqualTo("a red b");
        assertThat(t.spans()).containsExactly(new StyledText.Span(2, 5, TextColor.ANSI.RED, null, false));
    }

    @Test
    void brightAnd256AndTrueColoursAreRead() {
        assertThat(StyledText.parse("\033[92mx").spans().get(0).foreground()).isEqualTo(TextColor.ANSI.GREEN_BRIGHT);
        assertThat(StyledText.parse("\033[38;5;208mx").spans().get(0).foreground()).isEqualTo(new TextColor.Indexed(208));
        assertThat(StyledText.parse("\033[48;2;1;2;3mx").spans().get(0).background()).isEqualTo(new TextColor.RGB(1, 2, 3));
    }

    @Test
    void boldAloneIsASpan() {
        assertThat(StyledText.parse("\033[1mB\033[22mn").spans()).containsExactly(new StyledText.Span(0, 1, null, null, true));
    }

    @Test
    void otherEscapesAndControlCharactersAreDropped() {
        StyledText t = StyledText.parse("\033]0;title\007\033[2Kclean\033[H\u0001 end");
        assertThat(t.text()).isEqualTo("clean end");
        assertThat(t.spans()).isEmpty();
    }

    @Test
    void aCarriageReturnKeepsOnlyTheLastRedraw() {
        assertThat(StyledText.parse("10%\r50%\r100%").text()).isEqualTo("100%");
    }

    @Test
    void tabsExpandToEightColumns() {
        assertThat(StyledText.parse("a\tb").text()).isEqualTo("a       b");
    }

    @Test
    void anEscapeCutOffAtTheEndOfTheLineIsDropped() {
        assertThat(StyledText.parse("text\033[3").text()).isEqualTo("text");
    }

    @Test
    void aPlainLineIsKeptAsItCameWithoutACopy() {
        String line = "GET /index.html 200 (no colours, no tabs) ünïcode too";
        StyledText t = StyledText.parse(line);
        assertThat(t.text()).isSameAs(line);
        assertThat(t.spans()).isEmpty();
    }
}
