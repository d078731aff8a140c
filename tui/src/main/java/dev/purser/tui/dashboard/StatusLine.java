package dev.purser.tui.dashboard;

import static dev.purser.tui.dashboard.Cells.pad;
import static dev.purser.tui.dashboard.Cells.put;

import com.googlecode.lanterna.TerminalPosition;
import com.googlecode.lanterna.graphics.TextGraphics;
import com.googlecode.lanterna.screen.Screen;
import dev.purser.tui.dashboard.theme.Role;
import dev.purser.tui.dashboard.theme.Theme;

/**
 * Draws the bottom line: the prompt being typed, or what just happened (the last error, else the
 * first warning, else the last message) followed by the engine, its version and the counts.
 */
final class StatusLine {
    private final Theme theme;
    private final String engineLabel;

    StatusLine(Theme theme, String engineLabel) {
        this.theme = theme;
        this.engineLabel = engineLabel;
    }

    void draw(TextGraphics g, Screen screen, DashboardState state, int y, int w) {
        Prompt prompt = state.prompt;
        if (prompt != null) {
            String text = prompt.label() + prompt.text();
            put(g, 0, y, w, pad(text, w), theme.style(Role.WARNING));
            screen.setCursorPosition(prompt.confirming() ? null : new TerminalPosition(Math.min(w - 1, text.length()), y));
            return;
        }
        screen.setCursorPosition(null);
        String engine = " " + engineLabel + (state.version.isEmpty() ? "" : " " + state.version) + " · " + state.containers.size()
                + " containers, " + state.containers.running() + " running ";
        String note;
        Role role;
        if (!state.error.isEmpty()) {
            note = " " + state.error + " ";
            role = Role.ERROR;
        } else if (!state.warnings.isEmpty()) {
            note = " " + state.warnings.get(0) + (state.warnings.size() > 1 ? " (+" + (state.warnings.size() - 1) + " more, ? shows them)" : "") + " ";
            role = Role.WARNING;
        } else {
            note = state.message.isEmpty() ? "" : " " + state.message + " ";
            role = Role.STATUS;
        }
        // what just happened or went wrong comes first: the engine's description can be cut, it cannot
        int col = put(g, 0, y, w, note, theme.style(role));
        col = put(g, col, y, w, engine, theme.style(Role.STATUS));
        if (col < w) put(g, col, y, w, pad("", w - col), theme.style(Role.STATUS));
    }
}
