package dev.purser.tui.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.purser.pty.DetachKeys;
import dev.purser.tui.config.ConfigLocation;
import dev.purser.tui.dashboard.keys.KeyBindings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The dashboard's settings from {@code config.json} (see {@link ConfigLocation}): {@code theme},
 * {@code keys} (action name to key name), {@code refreshRate} (frames a second, 1–60),
 * {@code shell} (the programs {@code e} tries, in order) and {@code detachKeys}. A missing file
 * gives the defaults; a broken one, or a field that is wrong or unknown, gives the defaults for
 * what it touched and a warning the status line shows.
 */
public record DashboardSettings(String theme, KeyBindings keys, int refreshRate, List<String> shell, String detachKeys,
                                List<String> warnings) {
    private static final Set<String> FIELDS = Set.of("theme", "keys", "refreshRate", "shell", "detachKeys");

    public DashboardSettings {
        shell = List.copyOf(shell);
        warnings = List.copyOf(warnings);
    }

    public static DashboardSettings defaults() {
        return new DashboardSettings("dark", KeyBindings.defaults(), 20, List.of("bash", "sh"), null, List.of());
    }

    public static DashboardSettings load(Map<String, String> env) {
        return load(ConfigLocation.of(env).readable());
    }

    public static DashboardSettings load(Path file) {
        if (!Files.isRegularFile(file)) return defaults();
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(file.toFile());
        } catch (IOException e) {
            return defaults().withWarnings(List.of(file + " is not valid JSON, using the defaults: " + firstLine(e.getMessage())));
        }
        if (root == null || !root.isObject()) return defaults().withWarnings(List.of(file + " is not a JSON object, using the defaults"));
        List<String> warnings = new ArrayList<>();
        root.fieldNames().forEachRemaining(name -> {
            if (!FIELDS.contains(name)) warnings.add(file.getFileName() + ": unknown setting '" + name + "' ignored");
        });
        DashboardSettings d = defaults();
        String theme = d.theme();
        if (root.has("theme")) {
            if (root.get("theme").isTextual()) theme = root.get("theme").asText();
            else warnings.add("theme must be a string");
        }
        Map<String, String> keyMap = new LinkedHashMap<>();
        if (root.has("keys")) {
            if (root.get("keys").isObject()) root.get("keys").fields().forEachRemaining(e -> keyMap.put(e.getKey(), e.getValue().isTextual() ? e.getValue().asText() : null));
            else warnings.add("keys must be an object of action names to keys");
        }
        KeyBindings keys = KeyBindings.of(keyMap);
        warnings.addAll(keys.warnings());
        int rate = d.refreshRate();
        if (root.has("refreshRate")) {
            JsonNode r = root.get("refreshRate");
            if (r.isInt() && r.asInt() >= 1 && r.asInt() <= 60) rate = r.asInt();
            else warnings.add("refreshRate must be a whole number of frames a second from 1 to 60; using " + rate);
        }
        List<String> shell = d.shell();
        if (root.has("shell")) {
            JsonNode s = root.get("shell");
            List<String> given = new ArrayList<>();
            if (s.isTextual() && !s.asText().isBlank()) given.add(s.asText());
            else if (s.isArray()) s.forEach(x -> { if (x.isTextual() && !x.asText().isBlank()) given.add(x.asText()); });
            if (given.isEmpty() || (s.isArray() && given.size() != s.size())) warnings.add("shell must be a program or a list of programs; using bash, then sh");
            else shell = given;
        }
        String detach = null;
        if (root.has("detachKeys")) {
            String value = root.get("detachKeys").asText();
            try {
                DetachKeys.parse(value);
                detach = value;
            } catch (IllegalArgumentException e) {
                warnings.add("detachKeys: " + e.getMessage() + "; using ctrl-p,ctrl-q");
            }
        }
        return new DashboardSettings(theme, keys, rate, shell, detach, warnings);
    }

    private DashboardSettings withWarnings(List<String> more) {
        List<String> all = new ArrayList<>(warnings);
        all.addAll(more);
        return new DashboardSettings(theme, keys, refreshRate, shell, detachKeys, all);
    }

    public DashboardSettings withTheme(String name) {
        return new DashboardSettings(name, keys, refreshRate, shell, detachKeys, warnings);
    }

    private static String firstLine(String s) {
        if (s == null) return "";
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
