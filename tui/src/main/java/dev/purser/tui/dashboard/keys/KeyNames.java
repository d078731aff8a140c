package dev.purser.tui.dashboard.keys;

import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import java.util.Locale;
import java.util.Map;

/**
 * Keys by name, as the config file and the help screen write them: a character ({@code q},
 * {@code ?}), {@code ctrl-x}, {@code alt-x}, or one of {@code space enter tab esc up down left
 * right pgup pgdn home end backspace delete insert f1..f12}.
 */
public final class KeyNames {
    private static final Map<KeyType, String> SPECIAL = Map.ofEntries(
            Map.entry(KeyType.Enter, "enter"), Map.entry(KeyType.Tab, "tab"), Map.entry(KeyType.Escape, "esc"),
            Map.entry(KeyType.ArrowUp, "up"), Map.entry(KeyType.ArrowDown, "down"), Map.entry(KeyType.ArrowLeft, "left"),
            Map.entry(KeyType.ArrowRight, "right"), Map.entry(KeyType.PageUp, "pgup"), Map.entry(KeyType.PageDown, "pgdn"),
            Map.entry(KeyType.Home, "home"), Map.entry(KeyType.End, "end"), Map.entry(KeyType.Backspace, "backspace"),
            Map.entry(KeyType.Delete, "delete"), Map.entry(KeyType.Insert, "insert"), Map.entry(KeyType.ReverseTab, "shift-tab"),
            Map.entry(KeyType.F1, "f1"), Map.entry(KeyType.F2, "f2"), Map.entry(KeyType.F3, "f3"), Map.entry(KeyType.F4, "f4"),
            Map.entry(KeyType.F5, "f5"), Map.entry(KeyType.F6, "f6"), Map.entry(KeyType.F7, "f7"), Map.entry(KeyType.F8, "f8"),
            Map.entry(KeyType.F9, "f9"), Map.entry(KeyType.F10, "f10"), Map.entry(KeyType.F11, "f11"), Map.entry(KeyType.F12, "f12"));

    private KeyNames() {}

    /** The name of a key stroke, or null for one that has none (mouse, cursor reports, EOF). */
    public static String of(KeyStroke key) {
        if (key.getKeyType() == KeyType.Character) {
            char c = key.getCharacter();
            String base = c == ' ' ? "space" : String.valueOf(key.isCtrlDown() ? Character.toLowerCase(c) : c);
            if (key.isCtrlDown()) base = "ctrl-" + base;
            if (key.isAltDown()) base = "alt-" + base;
            return base;
        }
        String name = SPECIAL.get(key.getKeyType());
        if (name == null) return null;
        return key.isAltDown() ? "alt-" + name : key.isCtrlDown() ? "ctrl-" + name : name;
    }

    /** Whether {@code name} is a key this class can produce; used to refuse a misspelt binding. */
    public static boolean valid(String name) {
        String n = name;
        if (n.startsWith("alt-")) n = n.substring(4);
        if (n.startsWith("ctrl-")) n = n.substring(5);
        if (n.codePointCount(0, n.length()) == 1) return true;
        return n.equals("space") || SPECIAL.containsValue(n.toLowerCase(Locale.ROOT)) && n.equals(n.toLowerCase(Locale.ROOT));
    }
}
