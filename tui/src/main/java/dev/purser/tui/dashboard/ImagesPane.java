package dev.purser.tui.dashboard;

import static dev.purser.tui.dashboard.Cells.pad;
import static dev.purser.tui.dashboard.Cells.put;
import static dev.purser.tui.dashboard.Cells.shares;

import com.googlecode.lanterna.graphics.TextGraphics;
import dev.purser.tui.dashboard.images.ImageEntry;
import dev.purser.tui.dashboard.images.ImageLayers;
import dev.purser.tui.dashboard.images.ImageTable;
import dev.purser.tui.dashboard.images.Layer;
import dev.purser.tui.dashboard.theme.Role;
import dev.purser.tui.dashboard.theme.Style;
import dev.purser.tui.dashboard.theme.Theme;
import java.util.List;

/** Draws the images list and, when open, the selected image's layers with how many images share each. */
final class ImagesPane {
    private static final String[] HEADERS = {"REPOSITORY", "TAG", "IMAGE ID", "CREATED", "SIZE"};
    private static final String[] FIELDS = {"Repository", "Tag", "ID", "CreatedSince", "Size"};

    private final Theme theme;
    private final LayerRows rows;

    ImagesPane(Theme theme) {
        this.theme = theme;
        this.rows = new LayerRows(theme);
    }

    void drawList(TextGraphics g, ImageTable images, int y, int w, int height) {
        int[] widths = shares(w - 2, new int[] {30, 14, 14, 16, 10});
        Cells.header(g, y, w, HEADERS, widths, theme.style(Role.HEADER));
        if (!images.loaded()) return;
        if (images.rows().isEmpty()) {
            put(g, 2, y + 1, w, "No images. Make one from the host's busybox: see docs/user-guide/chapter-2.md", theme.style(Role.DIM));
            return;
        }
        int visible = height - 1;
        int first = images.scrollFor(visible);
        int selected = images.selectedIndex();
        for (int r = 0; r < visible && first + r < images.rows().size(); r++) {
            ImageEntry e = images.rows().get(first + r);
            Style style = theme.style(first + r == selected ? Role.SELECTED : Role.NORMAL);
            int col = put(g, 0, y + 1 + r, 2, "  ", style);
            for (int i = 0; i < FIELDS.length; i++) col = put(g, col, y + 1 + r, Math.min(w, col + widths[i]), pad(e.field(FIELDS[i]), widths[i]), style);
            if (col < w) put(g, col, y + 1 + r, w, pad("", w - col), style);
        }
    }

    /** The layers pane, from the state's scroll position (kept so the last layer is at the bottom at most). */
    void drawLayers(TextGraphics g, DashboardState state, int y, int w, int height) {
        ImageTable images = state.images;
        ImageLayers layers = state.layers;
        put(g, 0, y, w, "─".repeat(w), theme.style(Role.BORDER));
        ImageLayers shown = layers != null && images.selected().isPresent() && layers.imageId().equals(images.selected().get().id()) ? layers : null;
        String title = images.selected().map(e -> " Layers of " + e.reference() + " ").orElse(" Layers ");
        int col = put(g, 1, y, w, title, theme.style(Role.HEADER));
        if (shown == null) {
            put(g, col + 1, y, w, " reading ... ", theme.style(Role.DIM));
            return;
        }
        put(g, col + 1, y, w, " " + LayerRows.summary(shown.layers(), shown.savedBySharing()) + " ", theme.style(Role.DIM));
        int visible = Math.max(1, height - 2);
        int first = Math.max(0, Math.min(state.layersScroll, shown.layers().size() - visible));
        state.layersScroll = first;
        if (first > 0 || first + visible < shown.layers().size()) {
            String where = " " + (first + 1) + "–" + Math.min(shown.layers().size(), first + visible) + " of " + shown.layers().size() + " ";
            if (w - where.length() > col) put(g, w - where.length(), y, w, where, theme.style(Role.DIM));
        }
        List<Layer> shownLayers = shown.layers().subList(first, shown.layers().size());
        rows.draw(g, shownLayers.stream().map(LayerRows.Row::of).toList(), y + 1, w, height - 1);
    }
}
