package dev.purser.tui.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.screen.TerminalScreen;
import com.googlecode.lanterna.terminal.virtual.DefaultVirtualTerminal;
import dev.purser.tui.dashboard.theme.Role;
import dev.purser.tui.dashboard.theme.Style;
import dev.purser.tui.dashboard.theme.Theme;
import java.io.IOException;
import org.junit.jupiter.api.Test;

class CellsTest {
    @Test
    void textIsPutWithTheStylesKeptCellsUpToTheLimit() throws IOException {
        // the same TextCharacter for the same character and style, frame after frame (docs/decisions/0039)
        TerminalScreen screen = new TerminalScreen(new DefaultVirtualTerminal(new TerminalSize(20, 1)));
        screen.startScreen();
        Style header = Theme.defaultTheme().style(Role.HEADER);
        int end = Cells.put(screen.newTextGraphics(), 2, 0, 6, "NAME─IMAGE", header);
        assertThat(end).isEqualTo(6);
        assertThat(screen.getBackCharacter(2, 0)).isSameAs(header.cell('N'));
        assertThat(screen.getBackCharacter(5, 0)).isSameAs(header.cell('E'));
        assertThat(screen.getBackCharacter(6, 0).getCharacterString()).isEqualTo(" ");
        screen.stopScreen();
    }
}
