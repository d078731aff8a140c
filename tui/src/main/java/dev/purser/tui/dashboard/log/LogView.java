package dev.purser.tui.dashboard.log;

import com.googlecode.lanterna.SGR;
import com.googlecode.lanterna.TextColor;
import com.googlecode.lanterna.graphics.TextGraphics;
import dev.purser.tui.dashboard.theme.Role;
import dev.purser.tui.dashboard.theme.Style;
import dev.purser.tui.dashboard.theme.Theme;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * The dashboard's log pane (Lanterna's TextBox cannot be one: lanterna-traps T13): a
 * {@link LogRing}, followed at its end or scrolled, with wrapping, timestamps, search with
 * highlighted matches, and colours from the container's own ANSI output. Drawn straight onto the
 * screen's TextGraphics; it keeps only the ring, so its memory is fixed.
 *
 * <p>Positions are absolute line numbers (lines forgotten by the ring count), so a paused view
 * stays on the same lines while new ones push old ones out.
 */
public final class LogView {
    private final LogRing ring;
    private boolean follow = true;
    private long top;
    private boolean wrap;
    private boolean timestamps;
    private String query = "";
    private long match = -1;
    private int lastHeight = 10;

    public LogView(int capacity) {
        this.ring = new LogRing(capacity);
    }

    public void append(List<LogLine> lines) {
        for (LogLine line : lines) ring.add(line);
    }

    public void clear() {
        ring.clear();
        follow = true;
        top = 0;
        match = -1;
    }

    public LogRing ring() {
        return ring;
    }

    public boolean following() {
        return follow;
    }

    /** {@code f}: pause following (the view stays where it is) or resume it (back to the end). */
    public void toggleFollow() {
        if (follow) {
            follow = false;
            top = Math.max(ring.dropped(), end() - lastHeight);
        } else {
            follow = true;
        }
    }

    public void toggleWrap() {
        wrap = !wrap;
    }

    public boolean wrapping() {
        return wrap;
    }

    public void toggleTimestamps() {
        timestamps = !timestamps;
    }

    public boolean showingTimestamps() {
        return timestamps;
    }

    public void scroll(int lines) {
        if (follow) {
            if (lines >= 0) return;
            follow = false;
            top = Math.max(ring.dropped(), end() - lastHeight);
        }
        top = Math.max(ring.dropped(), Math.min(top + lines, Math.max(ring.dropped(), end() - 1)));
    }

    /** Whether the view shows its oldest kept line at the top (scrolled back as far as it goes). */
    public boolean atStart() {
        return !follow && top <= ring.dropped();
    }

    public void toStart() {
        follow = false;
        top = ring.dropped();
    }

    public void toEnd() {
        follow = true;
    }

    public String query() {
        return query;
    }

    /** Sets the search text and jumps to its last match (the newest), or clears the search with "". */
    public boolean search(String text) {
        query = text;
        match = -1;
        if (text.isEmpty()) return true;
        return jump(false, end());
    }

    /** {@code n}: the next match after the current one. */
    public boolean next() {
        return !query.isEmpty() && jump(true, match < 0 ? top : match + 1);
    }

    /** {@code N}: the match before the current one. */
    public boolean previous() {
        return !query.isEmpty() && jump(false, match < 0 ? end() : match);
    }

    /** How many kept lines match the search. */
    public int matchCount() {
        if (query.isEmpty()) return 0;
        int n = 0;
        for (int i = 0; i < ring.size(); i++) if (contains(ring.get(i))) n++;
        return n;
    }

    /** The absolute line number of the current match, or -1. */
    public long currentMatch() {
        return match;
    }

    private boolean jump(boolean forward, long from) {
        long start = ring.dropped();
        if (forward) {
            for (long i = Math.max(from, start); i < end(); i++) if (contains(line(i))) return show(i);
        } else {
            for (long i = Math.min(from, end()) - 1; i >= start; i--) if (contains(line(i))) return show(i);
        }
        return false;
    }

    private boolean show(long line) {
        match = line;
        follow = false;
        top = Math.max(ring.dropped(), line - lastHeight / 2);
        return true;
    }

    private boolean contains(LogLine line) {
        return line.text().text().toLowerCase(Locale.ROOT).contains(query.toLowerCase(Locale.ROOT));
    }

    private long end() {
        return ring.dropped() + ring.size();
    }

    private LogLine line(long absolute) {
        return ring.get((int) (absolute - ring.dropped()));
    }

    /** Writes every kept line, as shown with timestamps, to {@code file}. */
    public void save(Path file) throws IOException {
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (int i = 0; i < ring.size(); i++) {
                LogLine l = ring.get(i);
                if (!l.timestamp().isEmpty()) out.write(l.timestamp() + " ");
                if (!l.source().isEmpty()) out.write(l.source() + " | ");
                out.write(l.text().text());
                out.write('\n');
            }
        }
    }

    /**
     * Draws the pane into the rectangle; {@code sourceColour} colours the container tag of a line
     * in the all-logs view.
     */
    public void draw(TextGraphics g, int x, int y, int width, int height, Theme theme, Function<String, TextColor> sourceColour) {
        lastHeight = Math.max(1, height);
        Style normal = theme.style(Role.NORMAL);
        normal.applyTo(g);
        g.fillRectangle(new com.googlecode.lanterna.TerminalPosition(x, y), new com.googlecode.lanterna.TerminalSize(width, height), ' ');
        if (width <= 0 || height <= 0) return;
        if (!follow && top < ring.dropped()) top = ring.dropped();
        List<Row> rows = new ArrayList<>();
        if (follow) {
            for (long i = end() - 1; i >= ring.dropped() && rows.size() < height; i--) {
                List<Row> lineRows = layout(i, width);
                for (int k = lineRows.size() - 1; k >= 0 && rows.size() < height; k--) rows.add(0, lineRows.get(k));
            }
        } else {
            for (long i = top; i < end() && rows.size() < height; i++) {
                for (Row r : layout(i, width)) if (rows.size() < height) rows.add(r);
            }
        }
        for (int r = 0; r < rows.size(); r++) drawRow(g, x, y + r, width, rows.get(r), theme, sourceColour);
    }

    /** A screen row: part of a line, from {@code from} to {@code to} of its text, with the prefix on its first row. */
    private record Row(long line, LogLine log, boolean first, int from, int to) {}

    private List<Row> layout(long i, int width) {
        LogLine l = line(i);
        int prefix = prefixLength(l);
        int len = l.text().text().length();
        if (!wrap || prefix + len <= width) return List.of(new Row(i, l, true, 0, Math.min(len, Math.max(0, width - prefix))));
        List<Row> rows = new ArrayList<>();
        int first = Math.max(1, width - prefix);
        rows.add(new Row(i, l, true, 0, Math.min(len, first)));
        for (int from = first; from < len; from += width) rows.add(new Row(i, l, false, from, Math.min(len, from + width)));
        return rows;
    }

    private int prefixLength(LogLine l) {
        int n = 0;
        if (timestamps && !l.timestamp().isEmpty()) n += l.timestamp().length() + 1;
        if (!l.source().isEmpty()) n += l.source().length() + 3;
        return n;
    }

    private void drawRow(TextGraphics g, int x, int y, int width, Row row, Theme theme, Function<String, TextColor> sourceColour) {
        int col = x;
        LogLine l = row.log();
        if (row.first()) {
            if (timestamps && !l.timestamp().isEmpty()) {
                Style dim = theme.style(Role.DIM);
                dim.applyTo(g);
                col = put(g, col, y, x + width, l.timestamp(), dim);
                col = put(g, col, y, x + width, " ", dim);
            }
            if (!l.source().isEmpty()) {
                theme.style(Role.NORMAL).applyTo(g);
                g.setForegroundColor(sourceColour.apply(l.source()));
                col = put(g, col, y, x + width, l.source());
                theme.style(Role.DIM).applyTo(g);
                col = put(g, col, y, x + width, " | ", theme.style(Role.DIM));
            }
        }
        Style base = theme.style(l.stderr() ? Role.STDERR : Role.NORMAL);
        Style highlight = theme.style(Role.MATCH);
        String text = l.text().text();
        boolean[] matched = matches(text, row.from(), row.to());
        List<StyledText.Span> spans = l.text().spans();
        int spanIndex = 0;
        for (int i = row.from(); i < row.to() && col < x + width; i++) {
            while (spanIndex < spans.size() && spans.get(spanIndex).end() <= i) spanIndex++;
            StyledText.Span span = spanIndex < spans.size() && spans.get(spanIndex).start() <= i ? spans.get(spanIndex) : null;
            boolean highlighted = matched != null && matched[i - row.from()];
            // most characters are in a style's own colours: its kept cells (docs/decisions/0039)
            if (highlighted && row.line() != match) {
                g.setCharacter(col++, y, highlight.cell(text.charAt(i)));
                continue;
            }
            if (!highlighted && span == null) {
                g.setCharacter(col++, y, base.cell(text.charAt(i)));
                continue;
            }
            if (highlighted) {
                highlight.applyTo(g);
                g.enableModifiers(SGR.BOLD, SGR.UNDERLINE);
            } else {
                base.applyTo(g);
                if (span.foreground() != null) g.setForegroundColor(span.foreground());
                if (span.background() != null) g.setBackgroundColor(span.background());
                if (span.bold()) g.enableModifiers(SGR.BOLD);
            }
            g.setCharacter(col++, y, text.charAt(i));
        }
    }

    private boolean[] matches(String text, int from, int to) {
        if (query.isEmpty()) return null;
        String lower = text.toLowerCase(Locale.ROOT);
        String q = query.toLowerCase(Locale.ROOT);
        boolean[] marked = null;
        for (int at = lower.indexOf(q); at >= 0; at = lower.indexOf(q, at + 1)) {
            if (at >= to) break;
            if (at + q.length() <= from) continue;
            if (marked == null) marked = new boolean[to - from];
            for (int k = Math.max(at, from); k < Math.min(at + q.length(), to); k++) marked[k - from] = true;
        }
        return marked;
    }

    private static int put(TextGraphics g, int col, int y, int limit, String s) {
        for (int i = 0; i < s.length() && col < limit; i++) g.setCharacter(col++, y, s.charAt(i));
        return col;
    }

    private static int put(TextGraphics g, int col, int y, int limit, String s, Style style) {
        for (int i = 0; i < s.length() && col < limit; i++) g.setCharacter(col++, y, style.cell(s.charAt(i)));
        return col;
    }
}
