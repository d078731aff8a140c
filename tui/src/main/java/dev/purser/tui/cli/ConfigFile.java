package dev.purser.tui.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * purser's client configuration, {@code config.json} in {@code $PURSER_CONFIG} or
 * {@code ~/.purser}, read as docker reads {@code ~/.docker/config.json}. Only {@code detachKeys}
 * is used so far; a missing or unreadable file means no settings.
 */
final class ConfigFile {
    private final JsonNode root;

    private ConfigFile(JsonNode root) {
        this.root = root;
    }

    static ConfigFile load(Map<String, String> env) {
        Path dir;
        String configured = env.get("PURSER_CONFIG");
        if (configured != null && !configured.isEmpty()) {
            dir = Path.of(configured);
        } else {
            String home = env.getOrDefault("HOME", System.getProperty("user.home"));
            dir = Path.of(home, ".purser");
        }
        Path file = dir.resolve("config.json");
        if (!Files.isRegularFile(file)) return new ConfigFile(null);
        try {
            return new ConfigFile(new ObjectMapper().readTree(file.toFile()));
        } catch (IOException e) {
            return new ConfigFile(null);
        }
    }

    /** The configured detach keys, or null. */
    String detachKeys() {
        if (root == null || !root.hasNonNull("detachKeys")) return null;
        String keys = root.get("detachKeys").asText();
        return keys.isEmpty() ? null : keys;
    }

    /** The flag when given, else the config file's value, else null (the daemon's default), as docker/cli does. */
    static String detachKeys(String flag, Map<String, String> env) {
        if (flag != null && !flag.isEmpty()) return flag;
        return load(env).detachKeys();
    }
}
