package dev.purser.tui.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.purser.tui.client.JsonTrees;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * purser's client configuration ({@link dev.purser.tui.config.ConfigLocation}: {@code
 * $PURSER_CONFIG}, {@code ~/.config/purser}, or the older {@code ~/.purser}), read as docker reads
 * {@code ~/.docker/config.json}. The command line uses only {@code detachKeys}; a missing or
 * unreadable file means no settings.
 */
final class ConfigFile {
    private final JsonNode root;

    private ConfigFile(JsonNode root) {
        this.root = root;
    }

    static ConfigFile load(Map<String, String> env) {
        Path file = dev.purser.tui.config.ConfigLocation.of(env).readable();
        if (!Files.isRegularFile(file)) return new ConfigFile(null);
        try {
            return new ConfigFile(JsonTrees.read(Files.readAllBytes(file)));
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
