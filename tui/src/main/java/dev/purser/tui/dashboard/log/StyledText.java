package dev.purser.tui.dashboard.log;

import com.googlecode.lanterna.TextColor;
import java.util.ArrayList;
import java.util.List;

/**
 * A line of a container's output with its ANSI SGR colours parsed out: the printable text, and
 * the spans of it that the program coloured. Every other escape sequence (cursor movement, OSC
 * titles, ...) is dropped, so the screen never shows {@code [31m}.
 */
public record StyledText(String text, List<Span> spans) {
    /** Characters {@code [start, end)} drawn with these colours (null: the pane's own). */
    public record Span(int start, int end, TextColor foreground, TextColor background, boolean bold) {}

    public StyledText {
        spans = List.copyOf(spans);
    }

    public static StyledText plain(String text) {
        return new StyledText(text, List.of());
    }

    /** Parses {@code raw}: SGR kept as spans, other escapes and control characters removed, tabs expanded. */
    public static StyledText parse(String raw) {
        // most lines are plain text: kept as they came, without a copy (a container printing
        // 10,000 lines a second would otherwise make three more objects a line for nothing)
        if (printable(raw)) return new StyledText(raw, List.of());
        // a carriage return inside a line redraws it (progress bars): only the last version shows
        int cr = raw.lastIndexOf('\r', raw.length() - 2);
        if (cr >= 0) raw = raw.substring(cr + 1);
        StringBuilder text = new StringBuilder(raw.length());
        List<Span> spans = new ArrayList<>();
        Sgr current = Sgr.NONE;
        int spanStart = 0;
        int i = 0;
        while (i < raw.length()) {
            char c = raw.charAt(i);
            if (c == 0x1b && i + 1 < raw.length()) {
                char kind = raw.charAt(i + 1);
                if (kind == '[') {
                    int end = i + 2;
                    while (end < raw.length() && (raw.charAt(end) < 0x40 || raw.charAt(end) > 0x7e)) end++;
                    if (end >= raw.length()) break;
                    if (raw.charAt(end) == 'm') {
                        Sgr next = current.apply(raw.substring(i + 2, end));
                        if (!next.equals(current)) {
                            if (current.styled() && text.length() > spanStart) spans.add(current.span(spanStart, text.length()));
                            current = next;
                            spanStart = text.length();
                        }
                    }
                    i = end + 1;
                } else if (kind == ']') {
                    int end = i + 2;
                    while (end < raw.length() && raw.charAt(end) != 0x07 && !(raw.charAt(end) == 0x1b && end + 1 < raw.length() && raw.charAt(end + 1) == '\\')) end++;
                    i = end < raw.length() && raw.charAt(end) == 0x07 ? end + 1 : end + 2;
                } else {
                    i += 2;
                }
                continue;
            }
            if (c == '\t') {
                do text.append(' '); while (text.length() % 8 != 0);
            } else if (c >= 0x20 && c != 0x7f) {
                text.append(c);
            }
            i++;
        }
        if (current.styled() && text.length() > spanStart) spans.add(current.span(spanStart, text.length()));
        return new StyledText(text.toString(), spans);
    }

    /** Whether every character of {@code s} is shown as it is: no escape, control character or tab. */
    private static boolean printable(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c == 0x7f) return false;
        }
        return true;
    }

    /** The SGR state while parsing. */
    private record Sgr(TextColor fg, TextColor bg, boolean bold) {
        static final Sgr NONE = new Sgr(null, null, false);

        boolean styled() {
            return fg != null || bg != null || bold;
        }

        Span span(int start, int end) {
            return new Span(start, end, fg, bg, bold);
        }

        Sgr apply(String params) {
            TextColor f = fg;
            TextColor b = bg;
            boolean bo = bold;
            String[] p = params.isEmpty() ? new String[] {"0"} : params.split("[;:]", -1);
            for (int k = 0; k < p.length; k++) {
                int n = number(p[k]);
                if (n == 0) { f = null; b = null; bo = false; }
                else if (n == 1) bo = true;
                else if (n == 22) bo = false;
                else if (n >= 30 && n <= 37) f = TextColor.ANSI.values()[n - 30];
                else if (n == 39) f = null;
                else if (n >= 40 && n <= 47) b = TextColor.ANSI.values()[n - 40];
                else if (n == 49) b = null;
                else if (n >= 90 && n <= 97) f = TextColor.ANSI.values()[n - 90 + 9];
                else if (n >= 100 && n <= 107) b = TextColor.ANSI.values()[n - 100 + 9];
                else if ((n == 38 || n == 48) && k + 1 < p.length) {
                    TextColor extended = null;
                    if (number(p[k + 1]) == 5 && k + 2 < p.length) {
                        extended = new TextColor.Indexed(Math.min(255, Math.max(0, number(p[k + 2]))));
                        k += 2;
                    } else if (number(p[k + 1]) == 2 && k + 4 < p.length) {
                        extended = new TextColor.RGB(clamp(number(p[k + 2])), clamp(number(p[k + 3])), clamp(number(p[k + 4])));
                        k += 4;
                    }
                    if (n == 38) f = extended; else b = extended;
                }
            }
            return new Sgr(f, b, bo);
        }

        private static int clamp(int v) {
            return Math.min(255, Math.max(0, v));
        }

        private static int number(String s) {
            try {
                return s.isEmpty() ? 0 : Integer.parseInt(s);
            } catch (NumberFormatException e) {
                return -1;
            }
        }
    }
}
