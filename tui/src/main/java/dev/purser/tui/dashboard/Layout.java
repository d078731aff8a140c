package dev.purser.tui.dashboard;

import com.googlecode.lanterna.TerminalSize;

/**
 * How a screen of {@code columns} by {@code rows} is shared: the view tabs on the first row, the status line on
 * the last, and between them the list (two fifths) over the detail pane.
 */
record Layout(int columns, int rows) {
    static Layout of(TerminalSize size) {
        return new Layout(size.getColumns(), size.getRows());
    }

    /** Rows between the view tabs and the status line. */
    int body() {
        return rows - 2;
    }

    /** Rows of the list, its header included, when a detail pane shares the screen. */
    int listRows() {
        return Math.max(3, (rows - 4) * 2 / 5);
    }

    /** Rows of the detail pane's text, below its tab row. */
    int detailRows() {
        return Math.max(1, rows - 4 - listRows() - 1);
    }

    /** How far a page key moves the selection in the list. */
    int pageRows() {
        return Math.max(1, listRows() - 1);
    }
}
