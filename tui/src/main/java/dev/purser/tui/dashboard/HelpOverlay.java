package dev.purser.tui.dashboard;

import static dev.purser.tui.dashboard.Cells.pad;
import static dev.purser.tui.dashboard.Cells.put;

import com.googlecode.lanterna.graphics.TextGraphics;
import dev.purser.tui.dashboard.keys.Action;
import dev.purser.tui.dashboard.keys.Context;
import dev.purser.tui.dashboard.keys.KeyBindings;
import dev.purser.tui.dashboard.theme.Role;
import dev.purser.tui.dashboard.theme.Style;
import dev.purser.tui.dashboard.theme.Theme;
import java.util.ArrayList;
import java.util.List;

/** Draws the {@code ?} box: every action with its key as configured, then the config's warnings; it pages when it is taller than the screen. */
final class HelpOverlay {
    private final Theme theme;
    private final KeyBindings keys;

    HelpOverlay(Theme theme, KeyBindings keys) {
        this.theme = theme;
        this.keys = keys;
    }

    void draw(TextGraphics g, DashboardState state, int w, int h) {
        List<String> lines = lines(state.warnings);
        int boxW = Math.min(w - 2, lines.stream().mapToInt(String::length).max().orElse(20) + 4);
        int boxH = Math.min(h - 2, lines.size() + 2);
        int x = Math.max(0, (w - boxW) / 2);
        int y = Math.max(0, (h - boxH) / 2);
        Style style = theme.style(Role.NORMAL);
        Style border = theme.style(Role.BORDER);
        put(g, x, y, x + boxW, "┌" + "─".repeat(boxW - 2) + "┐", border);
        int shown = boxH - 2;
        boolean more = lines.size() > shown;
        int body = more ? shown - 1 : shown;
        state.helpOffset = Math.max(0, Math.min(state.helpOffset, Math.max(0, lines.size() - body)));
        for (int i = 0; i < shown; i++) {
            int index = state.helpOffset + i;
            String line = i == body && more
                    ? "  ↑↓ PgUp PgDn: more (" + (state.helpOffset + 1) + "–" + Math.min(lines.size(), state.helpOffset + body) + " of " + lines.size() + ")"
                    : index < lines.size() ? lines.get(index) : "";
            put(g, x, y + 1 + i, x + 1, "│", border);
            Style s = line.startsWith("! ") ? theme.style(Role.WARNING) : (line.startsWith("  ") ? style : theme.style(Role.HEADER));
            put(g, x + 1, y + 1 + i, x + boxW - 1, pad(" " + line, boxW - 2), s);
            put(g, x + boxW - 1, y + 1 + i, x + boxW, "│", border);
        }
        put(g, x, y + boxH - 1, x + boxW, "└" + "─".repeat(boxW - 2) + "┘", border);
    }

    private List<String> lines(List<String> warnings) {
        List<String> lines = new ArrayList<>();
        lines.add("Keys (remap them in config.json under \"keys\"; Esc closes this)");
        Context last = null;
        for (Action a : Action.values()) {
            if (a.context() != last) {
                last = a.context();
                lines.add(switch (last) {
                    case GLOBAL -> "everywhere";
                    case LIST -> "in the list";
                    case DETAIL -> "in the detail pane and all logs";
                });
            }
            String key = keys.key(a);
            lines.add(String.format("  %-8s %-16s %s", key.isEmpty() ? "(none)" : key, a.configName(), a.description()));
        }
        for (String warning : warnings) lines.add("! " + warning);
        return lines;
    }
}
