package dev.purser.tui.dashboard.theme;

import com.googlecode.lanterna.SGR;
import com.googlecode.lanterna.TextCharacter;
import com.googlecode.lanterna.TextColor;
import com.googlecode.lanterna.graphics.TextGraphics;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * How one role is drawn: foreground, background, SGR attributes; and the screen cells of text in
 * it. A value: equal styles draw the same.
 *
 * <p>Each cell is made once per character and kept ({@link #cell}): Lanterna makes a new
 * {@link TextCharacter} for every {@code setCharacter(col, row, char)}, with a grapheme break
 * iterator, an interned string and two copies of the modifier set, and at 20 frames a second of
 * 160x45 cells that was three quarters of everything the dashboard allocated while following a
 * busy log (docs/decisions/0039). TextCharacter is immutable, so one serves every cell.
 */
public final class Style {
    /** Cells kept for characters beyond printable ASCII (box drawing, the middle dot, a log's accents). */
    private static final int OTHER_CELLS = 256;

    private final TextColor foreground;
    private final TextColor background;
    private final Set<SGR> sgr;
    private final SGR[] modifiers;
    private final TextCharacter[] ascii = new TextCharacter[0x7f - 0x20];
    private final Map<Character, TextCharacter> other = new HashMap<>();

    public Style(TextColor foreground, TextColor background, Set<SGR> sgr) {
        this.foreground = foreground;
        this.background = background;
        this.sgr = sgr.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(sgr));
        this.modifiers = this.sgr.toArray(SGR[]::new);
    }

    public TextColor foreground() {
        return foreground;
    }

    public TextColor background() {
        return background;
    }

    public Set<SGR> sgr() {
        return sgr;
    }

    /** Makes {@code g} draw in this style from now on. */
    public TextGraphics applyTo(TextGraphics g) {
        g.setForegroundColor(foreground).setBackgroundColor(background);
        g.clearModifiers();
        if (!sgr.isEmpty()) g.setModifiers(EnumSet.copyOf(sgr));
        return g;
    }

    /** The screen cell showing {@code c} in this style (the same object each time); call on the UI thread. */
    public TextCharacter cell(char c) {
        if (c >= 0x20 && c < 0x7f) {
            TextCharacter made = ascii[c - 0x20];
            if (made == null) ascii[c - 0x20] = made = make(c);
            return made;
        }
        TextCharacter made = other.get(c);
        if (made != null) return made;
        made = make(c);
        if (other.size() < OTHER_CELLS) other.put(c, made);
        return made;
    }

    private TextCharacter make(char c) {
        return TextCharacter.fromCharacter(c, foreground, background, modifiers)[0];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Style s && Objects.equals(foreground, s.foreground) && Objects.equals(background, s.background)
                && sgr.equals(s.sgr);
    }

    @Override
    public int hashCode() {
        return Objects.hash(foreground, background, sgr);
    }

    @Override
    public String toString() {
        return "Style[foreground=" + foreground + ", background=" + background + ", sgr=" + sgr + "]";
    }
}
