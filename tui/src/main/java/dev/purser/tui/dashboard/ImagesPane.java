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
import dev.purser.tui.format.HumanSize;

/** Draws the images list and, when open, the selected image's layers with how many images share each. */
final class ImagesPane {
    private static final String[] HEADERS = {"REPOSITORY", "TAG", "IMAGE ID", "CREATED", "SIZE"};
    private static final String[] FIELDS = {"Repository", "Tag", "ID", "CreatedSince", "Size"};

    private final Theme theme;

    ImagesPane(Theme theme) {
        this.theme = theme;
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
        long total = shown.layers().stream().mapToLong(Layer::size).sum();
        String summary = " " + shown.layers().stream().filter(l -> !l.diffId().isEmpty()).count() + " layers, " + HumanSize.of(total)
                + (shown.savedBySharing() > 0 ? "; sharing saves " + HumanSize.of(shown.savedBySharing()) + " of disk" : "; no layer shared") + " ";
        put(g, col + 1, y, w, summary, theme.style(Role.DIM));
        String[] headers = {"SIZE", "SHARED BY", "CREATED BY"};
        int[] widths = {10, 16, Math.max(10, w - 2 - 26)};
        Cells.header(g, y + 1, w, headers, widths, theme.style(Role.HEADER));
        int rows = Math.max(1, height - 2);
        int first = Math.max(0, Math.min(state.layersScroll, shown.layers().size() - rows));
        state.layersScroll = first;
        if (first > 0 || first + rows < shown.layers().size()) {
            String where = " " + (first + 1) + "–" + Math.min(shown.layers().size(), first + rows) + " of " + shown.layers().size() + " ";
            if (w - where.length() > col) put(g, w - where.length(), y, w, where, theme.style(Role.DIM));
        }
        for (int r = 0; r < rows && first + r < shown.layers().size(); r++) {
            Layer l = shown.layers().get(first + r);
            String shared = l.diffId().isEmpty() ? "(no layer)" : l.sharedBy() == 1 ? "this image" : l.sharedBy() + " images";
            Style style = theme.style(l.sharedBy() > 1 ? Role.RUNNING : l.diffId().isEmpty() ? Role.DIM : Role.NORMAL);
            int c = put(g, 0, y + 2 + r, 2, "  ", style);
            c = put(g, c, y + 2 + r, c + widths[0], pad(HumanSize.of(l.size()), widths[0]), style);
            c = put(g, c, y + 2 + r, c + widths[1], pad(shared, widths[1]), style);
            put(g, c, y + 2 + r, w, l.createdBy().replace('\t', ' '), style);
        }
    }
}
