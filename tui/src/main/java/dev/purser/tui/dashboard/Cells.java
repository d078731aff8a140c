package dev.purser.tui.dashboard;

import com.googlecode.lanterna.graphics.TextGraphics;
import dev.purser.tui.dashboard.theme.Style;

/** Text put into screen cells: columns cut and padded, widths shared out (the drawing's arithmetic). */
final class Cells {
    private Cells() {}

    static int put(TextGraphics g, int col, int row, int limit, String text, Style style) {
        style.applyTo(g);
        // the style's own cells: no new TextCharacter per cell per frame (docs/decisions/0039)
        for (int i = 0; i < text.length() && col < limit; i++) g.setCharacter(col++, row, style.cell(text.charAt(i)));
        return col;
    }

    /** {@code s} in a column of {@code width} cells, cut so one blank always separates it from the next. */
    static String pad(String s, int width) {
        if (width <= 0) return "";
        if (width == 1) return " ";
        String cut = s.length() > width - 1 ? s.substring(0, width - 1) : s;
        return cut + " ".repeat(width - cut.length());
    }

    /** A header row: two blank cells for the mark, then each header in its column, the rest of the row filled. */
    static void header(TextGraphics g, int y, int w, String[] headers, int[] widths, Style style) {
        int col = put(g, 0, y, 2, "  ", style);
        for (int i = 0; i < headers.length; i++) col = put(g, col, y, Math.min(w, col + widths[i]), pad(headers[i], widths[i]), style);
        if (col < w) put(g, col, y, w, pad("", w - col), style);
    }

    /** Widths for {@code w} cells in proportion to {@code wanted}; the last column takes what is left. */
    static int[] shares(int w, int[] wanted) {
        int total = java.util.Arrays.stream(wanted).sum();
        int[] out = new int[wanted.length];
        int used = 0;
        for (int i = 0; i < wanted.length; i++) {
            out[i] = Math.max(4, wanted[i] * w / total);
            used += out[i];
        }
        out[wanted.length - 1] += Math.max(0, w - used);
        return out;
    }
}
