package dev.purser.tui.dashboard;

import static dev.purser.tui.dashboard.Cells.pad;
import static dev.purser.tui.dashboard.Cells.put;

import com.googlecode.lanterna.graphics.TextGraphics;
import dev.purser.tui.dashboard.images.Layer;
import dev.purser.tui.dashboard.theme.Role;
import dev.purser.tui.dashboard.theme.Style;
import dev.purser.tui.dashboard.theme.Theme;
import dev.purser.tui.format.HumanSize;
import java.util.List;

/** Layers under a header: each one's size, who shares it, and what made it. The images view and a container's Layers tab draw them. */
final class LayerRows {
    private static final String[] HEADERS = {"SIZE", "SHARED BY", "CREATED BY"};

    /** One row: a layer of an image, or a container's own writable layer. */
    record Row(long size, String sharedBy, String createdBy, Role role) {
        static Row of(Layer l) {
            String shared = l.diffId().isEmpty() ? "(no layer)" : l.sharedBy() == 1 ? "this image" : l.sharedBy() + " images";
            return new Row(l.size(), shared, l.createdBy().replace('\t', ' '),
                    l.sharedBy() > 1 ? Role.RUNNING : l.diffId().isEmpty() ? Role.DIM : Role.NORMAL);
        }
    }

    private final Theme theme;

    LayerRows(Theme theme) {
        this.theme = theme;
    }

    static String summary(List<Layer> layers, long savedBySharing) {
        long total = layers.stream().mapToLong(Layer::size).sum();
        return layers.stream().filter(l -> !l.diffId().isEmpty()).count() + " layers, " + HumanSize.of(total)
                + (savedBySharing > 0 ? "; sharing saves " + HumanSize.of(savedBySharing) + " of disk" : "; no layer shared");
    }

    void draw(TextGraphics g, List<Row> rows, int y, int w, int height) {
        int[] widths = {10, 16, Math.max(10, w - 2 - 26)};
        Cells.header(g, y, w, HEADERS, widths, theme.style(Role.HEADER));
        for (int r = 0; r < height - 1 && r < rows.size(); r++) {
            Row row = rows.get(r);
            Style style = theme.style(row.role());
            int c = put(g, 0, y + 1 + r, 2, "  ", style);
            c = put(g, c, y + 1 + r, c + widths[0], pad(HumanSize.of(row.size()), widths[0]), style);
            c = put(g, c, y + 1 + r, c + widths[1], pad(row.sharedBy(), widths[1]), style);
            put(g, c, y + 1 + r, w, row.createdBy(), style);
        }
    }
}
