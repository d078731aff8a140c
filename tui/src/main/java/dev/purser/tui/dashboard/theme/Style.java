package dev.purser.tui.dashboard.theme;

import com.googlecode.lanterna.SGR;
import com.googlecode.lanterna.TextColor;
import com.googlecode.lanterna.graphics.TextGraphics;
import java.util.EnumSet;
import java.util.Set;

/** How one role is drawn: foreground, background, SGR attributes. */
public record Style(TextColor foreground, TextColor background, Set<SGR> sgr) {
    public Style {
        sgr = sgr.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(sgr));
    }

    /** Makes {@code g} draw in this style from now on. */
    public TextGraphics applyTo(TextGraphics g) {
        g.setForegroundColor(foreground).setBackgroundColor(background);
        g.clearModifiers();
        if (!sgr.isEmpty()) g.setModifiers(EnumSet.copyOf(sgr));
        return g;
    }
}
