package dev.purser.tui.dashboard.log;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LogViewTest {
    private static List<LogLine> lines(String... texts) {
        List<LogLine> out = new ArrayList<>();
        for (String t : texts) out.add(new LogLine("", false, "", StyledText.plain(t)));
        return out;
    }

    @Test
    void theRingKeepsOnlyItsCapacity() {
        LogRing ring = new LogRing(3);
        for (LogLine l : lines("1", "2", "3", "4", "5")) ring.add(l);
        assertThat(ring.size()).isEqualTo(3);
        assertThat(ring.get(0).text().text()).isEqualTo("3");
        assertThat(ring.get(2).text().text()).isEqualTo("5");
        assertThat(ring.dropped()).isEqualTo(2);
    }

    @Test
    void searchFindsTheNewestMatchAndPausesFollowing() {
        LogView view = new LogView(100);
        view.append(lines("alpha", "needle one", "beta", "needle two", "gamma"));
        assertThat(view.search("NEEDLE")).isTrue();
        assertThat(view.currentMatch()).isEqualTo(3);
        assertThat(view.following()).isFalse();
        assertThat(view.matchCount()).isEqualTo(2);
    }

    @Test
    void nextAndPreviousWalkTheMatches() {
        LogView view = new LogView(100);
        view.append(lines("needle a", "x", "needle b", "y", "needle c"));
        view.search("needle");
        assertThat(view.currentMatch()).isEqualTo(4);
        assertThat(view.previous()).isTrue();
        assertThat(view.currentMatch()).isEqualTo(2);
        assertThat(view.previous()).isTrue();
        assertThat(view.currentMatch()).isEqualTo(0);
        assertThat(view.previous()).isFalse();
        assertThat(view.next()).isTrue();
        assertThat(view.currentMatch()).isEqualTo(2);
    }

    @Test
    void noMatchSaysSo() {
        LogView view = new LogView(100);
        view.append(lines("a", "b"));
        assertThat(view.search("zzz")).isFalse();
    }

    @Test
    void searchPositionsSurviveLinesPushedOutOfTheRing() {
        LogView view = new LogView(3);
        view.append(lines("needle", "b", "c"));
        view.search("needle");
        assertThat(view.currentMatch()).isZero();
        view.append(lines("d", "needle again"));
        assertThat(view.next()).isTrue();
        assertThat(view.currentMatch()).isEqualTo(4);
    }

    @Test
    void drawnLinesKeepTheirColours() throws java.io.IOException {
        // plain text, a program's own colour, stderr and a search match: each in its own colours
        var terminal = new com.googlecode.lanterna.terminal.virtual.DefaultVirtualTerminal(new com.googlecode.lanterna.TerminalSize(40, 4));
        var screen = new com.googlecode.lanterna.screen.TerminalScreen(terminal);
        screen.startScreen();
        var theme = dev.purser.tui.dashboard.theme.Theme.defaultTheme();
        LogView view = new LogView(10);
        view.append(List.of(new LogLine("", false, "", StyledText.plain("plain text")),
                new LogLine("", false, "", StyledText.parse("say \033[31mred\033[0m")),
                new LogLine("", true, "", StyledText.plain("on stderr")),
                new LogLine("", false, "", StyledText.plain("a needle here"))));
        view.search("needle");
        view.toEnd();
        view.draw(screen.newTextGraphics(), 0, 0, 40, 4, theme, source -> com.googlecode.lanterna.TextColor.ANSI.CYAN);
        screen.refresh();
        var normal = theme.style(dev.purser.tui.dashboard.theme.Role.NORMAL);
        assertThat(terminal.getCharacter(0, 0).getCharacterString()).isEqualTo("p");
        assertThat(terminal.getCharacter(0, 0).getForegroundColor()).isEqualTo(normal.foreground());
        assertThat(terminal.getCharacter(4, 1).getForegroundColor()).isEqualTo(com.googlecode.lanterna.TextColor.ANSI.RED);
        assertThat(terminal.getCharacter(0, 2).getForegroundColor())
                .isEqualTo(theme.style(dev.purser.tui.dashboard.theme.Role.STDERR).foreground());
        assertThat(terminal.getCharacter(2, 3).getCharacterString()).isEqualTo("n");
        assertThat(terminal.getCharacter(2, 3).getBackgroundColor())
                .isEqualTo(theme.style(dev.purser.tui.dashboard.theme.Role.MATCH).background());
        assertThat(terminal.getCharacter(0, 3).getBackgroundColor()).isEqualTo(normal.background());
        screen.stopScreen();
    }

    @Test
    void plainTextIsDrawnWithItsStylesKeptCells() throws java.io.IOException {
        // not a new TextCharacter per cell per frame (docs/decisions/0039)
        var screen = new com.googlecode.lanterna.screen.TerminalScreen(
                new com.googlecode.lanterna.terminal.virtual.DefaultVirtualTerminal(new com.googlecode.lanterna.TerminalSize(20, 2)));
        screen.startScreen();
        var theme = dev.purser.tui.dashboard.theme.Theme.defaultTheme();
        LogView view = new LogView(10);
        view.append(List.of(new LogLine("", false, "", StyledText.plain("plain")), new LogLine("", true, "", StyledText.plain("err"))));
        view.draw(screen.newTextGraphics(), 0, 0, 20, 2, theme, source -> com.googlecode.lanterna.TextColor.ANSI.CYAN);
        assertThat(screen.getBackCharacter(0, 0)).isSameAs(theme.style(dev.purser.tui.dashboard.theme.Role.NORMAL).cell('p'));
        assertThat(screen.getBackCharacter(0, 1)).isSameAs(theme.style(dev.purser.tui.dashboard.theme.Role.STDERR).cell('e'));
        screen.stopScreen();
    }
}
