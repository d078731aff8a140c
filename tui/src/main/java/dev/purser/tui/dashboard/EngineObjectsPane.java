package dev.purser.tui.dashboard;

import static dev.purser.tui.dashboard.Cells.pad;
import static dev.purser.tui.dashboard.Cells.put;
import static dev.purser.tui.dashboard.Cells.shares;

import com.googlecode.lanterna.graphics.TextGraphics;
import dev.purser.tui.dashboard.theme.Role;
import dev.purser.tui.dashboard.theme.Theme;
import java.util.List;

/** Draws the networks view: the engine's rows, or the note saying why there are none. */
final class EngineObjectsPane {
    private final Theme theme;

    EngineObjectsPane(Theme theme) {
        this.theme = theme;
    }

    void draw(TextGraphics g, View view, List<String[]> rows, String note, int y, int w, int height) {
        if (rows.isEmpty()) {
            put(g, 2, y + 1, w, note, theme.style(Role.DIM));
            return;
        }
        int[] widths = shares(w - 2, new int[] {14, 16, 8, 7, 33});
        Cells.header(g, y, w, rows.get(0), widths, theme.style(Role.HEADER));
        if (!note.isEmpty()) put(g, 2, y + 1, w, note, theme.style(Role.DIM));
        for (int r = 1; r < rows.size() && r < height; r++) {
            int col = 2;
            String[] row = rows.get(r);
            for (int i = 0; i < row.length; i++) col = put(g, col, y + r, Math.min(w, col + widths[i]), pad(row[i], widths[i]), theme.style(Role.NORMAL));
        }
    }
}
