package dev.purser.tui.dashboard;

import static dev.purser.tui.dashboard.Cells.pad;
import static dev.purser.tui.dashboard.Cells.put;

import com.googlecode.lanterna.TerminalPosition;
import com.googlecode.lanterna.graphics.TextGraphics;
import com.googlecode.lanterna.screen.Screen;
import dev.purser.tui.dashboard.theme.Role;
import dev.purser.tui.dashboard.theme.Style;
import dev.purser.tui.dashboard.theme.Theme;

/** Draws the run form as a box over the screen, the cursor at the end of the field being typed. */
final class RunFormPane {
    private static final int LABEL = 22;
    private final Theme theme;

    RunFormPane(Theme theme) {
        this.theme = theme;
    }

    void draw(TextGraphics g, Screen screen, RunForm form, int w, int h) {
        RunForm.Field[] fields = RunForm.Field.values();
        int boxW = Math.min(w - 2, 76);
        int boxH = Math.min(h - 2, fields.length + 4);
        int x = Math.max(0, (w - boxW) / 2);
        int y = Math.max(0, (h - boxH) / 2);
        Style border = theme.style(Role.BORDER);
        put(g, x, y, x + boxW, "┌─ Run a container " + "─".repeat(Math.max(0, boxW - 20)) + "┐", border);
        TerminalPosition cursor = null;
        for (int i = 0; i < fields.length && i < boxH - 4; i++) {
            RunForm.Field f = fields[i];
            boolean current = f == form.current();
            int row = y + 1 + i;
            put(g, x, row, x + 1, "│", border);
            int col = put(g, x + 1, row, x + 1 + LABEL, pad(" " + f.label, LABEL), theme.style(current ? Role.HEADER : Role.DIM));
            String value = form.value(f);
            int room = boxW - 2 - LABEL;
            String shown = value.length() >= room ? value.substring(value.length() - room + 1) : value;
            put(g, col, row, x + boxW - 1, pad(shown, room), theme.style(current ? Role.SELECTED : Role.NORMAL));
            if (current && f != RunForm.Field.THEN) cursor = new TerminalPosition(col + shown.length(), row);
            put(g, x + boxW - 1, row, x + boxW, "│", border);
        }
        int help = y + boxH - 3;
        put(g, x, help, x + 1, "│", border);
        put(g, x + 1, help, x + boxW - 1, pad("", boxW - 2), theme.style(Role.NORMAL));
        put(g, x + boxW - 1, help, x + boxW, "│", border);
        put(g, x, help + 1, x + 1, "│", border);
        put(g, x + 1, help + 1, x + boxW - 1, pad(" ↑↓ Tab: field  ←→ space: then  Enter: run  Esc: cancel", boxW - 2), theme.style(Role.DIM));
        put(g, x + boxW - 1, help + 1, x + boxW, "│", border);
        put(g, x, y + boxH - 1, x + boxW, "└" + "─".repeat(boxW - 2) + "┘", border);
        screen.setCursorPosition(cursor);
    }
}
