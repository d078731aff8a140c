package dev.purser.tui.format;

import java.util.ArrayList;
import java.util.List;

/**
 * Go's {@code text/tabwriter} as Docker configures it for tables (minwidth 10, padding 3, spaces):
 * tab-terminated cells are aligned within column blocks of consecutive lines; the last cell of a
 * line is not part of any column. Kept faithful to Go's block rules so output matches docker's.
 */
public final class TabWriter {
    private final int minWidth;
    private final int padding;

    public TabWriter(int minWidth, int padding) {
        this.minWidth = minWidth;
        this.padding = padding;
    }

    /** Docker's table settings. */
    public static TabWriter docker() {
        return new TabWriter(10, 3);
    }

    public String format(String text) {
        List<List<String>> lines = new ArrayList<>();
        for (String line : text.split("\n", -1)) {
            lines.add(List.of(line.split("\t", -1)));
        }
        boolean trailingNewline = text.endsWith("\n");
        if (trailingNewline) lines.remove(lines.size() - 1);
        StringBuilder out = new StringBuilder();
        List<Integer> widths = new ArrayList<>();
        format(lines, 0, lines.size(), widths, out);
        if (!trailingNewline && out.length() > 0) out.setLength(out.length() - 1);
        return out.toString();
    }

    private void format(List<List<String>> lines, int line0, int line1, List<Integer> widths, StringBuilder out) {
        int column = widths.size();
        int start = line0;
        for (int i = line0; i < line1; i++) {
            if (column >= lines.get(i).size() - 1) continue;
            writeLines(lines, start, i, widths, out);
            start = i;
            int width = minWidth;
            for (; i < line1; i++) {
                List<String> cells = lines.get(i);
                if (column >= cells.size() - 1) break;
                width = Math.max(width, cells.get(column).codePointCount(0, cells.get(column).length()) + padding);
            }
            widths.add(width);
            format(lines, start, i, widths, out);
            widths.remove(widths.size() - 1);
            start = i;
            i--;
        }
        writeLines(lines, start, line1, widths, out);
    }

    private static void writeLines(List<List<String>> lines, int from, int to, List<Integer> widths, StringBuilder out) {
        for (int i = from; i < to; i++) {
            List<String> cells = lines.get(i);
            for (int j = 0; j < cells.size(); j++) {
                String cell = cells.get(j);
                out.append(cell);
                if (j < widths.size() && j < cells.size() - 1) {
                    out.append(" ".repeat(Math.max(0, widths.get(j) - cell.codePointCount(0, cell.length()))));
                }
            }
            out.append('\n');
        }
    }
}
