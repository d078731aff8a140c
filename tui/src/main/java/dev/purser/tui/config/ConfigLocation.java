package dev.purser.tui.config;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where purser's client configuration lives: {@code $PURSER_CONFIG/config.json} when set, else
 * {@code $XDG_CONFIG_HOME/purser/config.json} (default {@code ~/.config/purser/config.json});
 * the older {@code ~/.purser/config.json} is still read when the new file does not exist.
 */
public record ConfigLocation(Path file, Path legacy) {
    public static ConfigLocation of(Map<String, String> env) {
        String home = env.getOrDefault("HOME", System.getProperty("user.home"));
        Path legacy = Path.of(home, ".purser", "config.json");
        String configured = env.get("PURSER_CONFIG");
        if (configured != null && !configured.isEmpty()) return new ConfigLocation(Path.of(configured, "config.json"), legacy);
        String xdg = env.get("XDG_CONFIG_HOME");
        Path base = xdg != null && !xdg.isEmpty() ? Path.of(xdg) : Path.of(home, ".config");
        return new ConfigLocation(base.resolve("purser").resolve("config.json"), legacy);
    }

    /** The file to read: the new one when it exists, else the legacy one when that exists, else the new one. */
    public Path readable() {
        if (java.nio.file.Files.exists(file) || !java.nio.file.Files.exists(legacy)) return file;
        return legacy;
    }
}
