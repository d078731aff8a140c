package dev.purser.tui.dashboard;

import com.googlecode.lanterna.TextColor;

/** A stable colour per log source (a container's name), so interleaved lines can be told apart. */
final class SourceColours {
    private static final TextColor[] COLOURS = {
        TextColor.ANSI.CYAN_BRIGHT, TextColor.ANSI.GREEN_BRIGHT, TextColor.ANSI.YELLOW_BRIGHT, TextColor.ANSI.MAGENTA_BRIGHT,
        TextColor.ANSI.BLUE_BRIGHT, TextColor.ANSI.RED_BRIGHT, new TextColor.Indexed(208), new TextColor.Indexed(141),
        new TextColor.Indexed(79), new TextColor.Indexed(222)};

    private SourceColours() {}

    static TextColor of(String source) {
        return COLOURS[Math.floorMod(source.hashCode(), COLOURS.length)];
    }
}
