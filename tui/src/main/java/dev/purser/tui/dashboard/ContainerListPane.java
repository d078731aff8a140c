package dev.purser.tui.dashboard;

import static dev.purser.tui.dashboard.Cells.pad;
import static dev.purser.tui.dashboard.Cells.put;

import com.googlecode.lanterna.graphics.TextGraphics;
import dev.purser.tui.dashboard.containers.Column;
import dev.purser.tui.dashboard.containers.ContainerEntry;
import dev.purser.tui.dashboard.containers.ContainerTable;
import dev.purser.tui.dashboard.theme.Role;
import dev.purser.tui.dashboard.theme.Style;
import dev.purser.tui.dashboard.theme.Theme;
import java.util.List;

/** Draws the containers list: the header with the sort column's arrow, the rows, marks and state colours. */
final class ContainerListPane {
    private final Theme theme;

    ContainerListPane(Theme theme) {
        this.theme = theme;
    }

    void draw(TextGraphics g, ContainerTable containers, int y, int w, int height) {
        List<ContainerEntry> rows = containers.shown();
        Column[] columns = columnsAt(w).toArray(Column[]::new);
        int[] widths = widths(columns, w - 2);
        Style header = theme.style(Role.HEADER);
        int col = 2;
        put(g, 0, y, 2, "  ", header);
        for (int i = 0; i < columns.length; i++) {
            String arrow = containers.sort() == columns[i] ? (containers.reversed() ? "↑" : "↓") : "";
            String title = columns[i].header();
            // the sort arrow stays in view: the header gives way
            if (title.length() + arrow.length() > widths[i] - 1) title = title.substring(0, Math.max(0, widths[i] - 1 - arrow.length()));
            title += arrow;
            col = put(g, col, y, Math.min(w, col + widths[i]), pad(title, widths[i]), header);
        }
        int visible = height - 1;
        if (rows.isEmpty()) {
            String empty = containers.filter().isEmpty()
                    ? (containers.size() == 0 ? "No containers yet. Run one: purser run -d --name web busybox httpd -f -p 80" : "")
                    : "No container matches \"" + containers.filter() + "\" (Esc in the filter clears it)";
            put(g, 2, y + 1, w, empty, theme.style(Role.DIM));
            return;
        }
        int first = containers.scrollFor(visible);
        int selected = containers.selectedIndex();
        for (int r = 0; r < visible && first + r < rows.size(); r++) {
            ContainerEntry e = rows.get(first + r);
            boolean isSelected = first + r == selected;
            boolean marked = containers.isMarked(e.id());
            Style base = theme.style(isSelected ? Role.SELECTED : Role.NORMAL);
            int row = y + 1 + r;
            put(g, 0, row, 2, marked ? "* " : "  ", marked ? theme.style(Role.MARKED) : base);
            col = 2;
            for (int i = 0; i < columns.length; i++) {
                Style style = base;
                if (columns[i] == Column.STATUS && !isSelected) style = theme.style(Role.ofState(e.state(), e.exitCode()));
                if (columns[i] == Column.NAME && marked && !isSelected) style = theme.style(Role.MARKED);
                col = put(g, col, row, Math.min(w, col + widths[i]), pad(columns[i].text(e), widths[i]), style);
            }
            if (col < w) put(g, col, row, w, pad("", w - col), base);
        }
    }

    /** The columns drawn on a screen {@code w} wide. */
    static List<Column> columnsAt(int w) {
        return java.util.Arrays.stream(Column.values()).filter(c -> c.shownAt(w)).toList();
    }

    /** Column widths for {@code w} cells: each column's share, at least its header. */
    private static int[] widths(Column[] columns, int w) {
        int total = 0;
        for (Column c : columns) total += c.width() + 1;
        int[] out = new int[columns.length];
        int used = 0;
        for (int i = 0; i < columns.length; i++) {
            out[i] = Math.max(4, (columns[i].width() + 1) * w / total);
            used += out[i];
        }
        out[columns.length - 1] += Math.max(0, w - used);
        return out;
    }
}
