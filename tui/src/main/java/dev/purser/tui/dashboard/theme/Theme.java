package dev.purser.tui.dashboard.theme;

import com.googlecode.lanterna.graphics.PropertyTheme;
import com.googlecode.lanterna.graphics.ThemeDefinition;
import com.googlecode.lanterna.graphics.ThemeStyle;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * A dashboard theme: a Lanterna {@code .properties} theme (bundled in the themes module under
 * {@code dev/purser/themes/}, or a file path) read through {@link PropertyTheme}, with one style
 * per {@link Role}. A role the file leaves out falls back to the file's root style.
 */
public final class Theme {
    /** The bundled themes; the first is the default. */
    public static final List<String> BUNDLED = List.of("dark", "light", "high-contrast");

    private final String name;
    private final Map<Role, Style> styles;

    private Theme(String name, Map<Role, Style> styles) {
        this.name = name;
        this.styles = styles;
    }

    public static Theme defaultTheme() {
        return load(BUNDLED.get(0));
    }

    /**
     * The bundled theme {@code name}, or the theme file at that path.
     *
     * @throws IllegalArgumentException naming the theme when there is none such or it cannot be read
     */
    public static Theme load(String name) {
        Properties properties = new Properties();
        try (InputStream in = open(name)) {
            if (in == null) {
                throw new IllegalArgumentException("unknown theme '" + name + "' (bundled: " + String.join(", ", BUNDLED)
                        + "; or give a .properties file)");
            }
            try (Reader reader = new java.io.InputStreamReader(in, StandardCharsets.UTF_8)) {
                properties.load(reader);
            }
            return of(name, new PropertyTheme(properties, true));
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read theme '" + name + "': " + e.getMessage());
        } catch (RuntimeException e) {
            if (e instanceof IllegalArgumentException && e.getMessage() != null && e.getMessage().startsWith("unknown theme")) throw e;
            throw new IllegalArgumentException("theme '" + name + "' is broken: " + e.getMessage());
        }
    }

    private static InputStream open(String name) throws IOException {
        if (BUNDLED.contains(name)) return Theme.class.getResourceAsStream("/dev/purser/themes/" + name + ".properties");
        Path file = Path.of(name);
        return Files.isRegularFile(file) ? Files.newInputStream(file) : null;
    }

    private static Theme of(String name, PropertyTheme theme) {
        ThemeDefinition root = theme.getDefaultDefinition();
        ThemeStyle normal = root.getNormal();
        Map<Role, Style> styles = new EnumMap<>(Role.class);
        for (Role role : Role.values()) {
            ThemeStyle style = switch (role) {
                case NORMAL -> normal;
                case SELECTED -> root.getSelected();
                default -> root.getCustom(role.name(), normal);
            };
            styles.put(role, new Style(
                    style.getForeground() == null ? normal.getForeground() : style.getForeground(),
                    style.getBackground() == null ? normal.getBackground() : style.getBackground(),
                    style.getSGRs()));
        }
        return new Theme(name, styles);
    }

    public String name() {
        return name;
    }

    public Style style(Role role) {
        return styles.get(role);
    }
}
