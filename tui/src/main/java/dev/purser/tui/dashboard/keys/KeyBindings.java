package dev.purser.tui.dashboard.keys;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which key does what: the defaults of {@link Action}, with the config file's {@code keys}
 * applied on top. A key bound to two actions that can apply at once (the same context, or one
 * of them global) is a clash: the action whose binding came from the config file keeps it
 * (between two of the same kind, the one listed first in {@link Action}), the other is left
 * without a key, and {@link #warnings()} says so, for the status line.
 */
public final class KeyBindings {
    private final Map<Action, String> keys;
    private final List<String> warnings;

    private KeyBindings(Map<Action, String> keys, List<String> warnings) {
        this.keys = keys;
        this.warnings = List.copyOf(warnings);
    }

    public static KeyBindings defaults() {
        return of(Map.of());
    }

    /** The defaults with {@code configured} (config name to key name) applied. */
    public static KeyBindings of(Map<String, String> configured) {
        List<String> warnings = new ArrayList<>();
        Map<Action, String> keys = new EnumMap<>(Action.class);
        Map<Action, Boolean> fromConfig = new EnumMap<>(Action.class);
        for (Action a : Action.values()) keys.put(a, a.defaultKey());
        configured.forEach((name, key) -> {
            Optional<Action> action = java.util.Arrays.stream(Action.values()).filter(a -> a.configName().equals(name)).findFirst();
            if (action.isEmpty()) {
                warnings.add("keys: no action named '" + name + "'");
            } else if (key == null || !KeyNames.valid(key)) {
                warnings.add("keys: '" + key + "' for " + name + " is not a key name");
            } else {
                keys.put(action.get(), key);
                fromConfig.put(action.get(), true);
            }
        });
        Map<String, Action> claimed = new LinkedHashMap<>();
        List<Action> order = new ArrayList<>(List.of(Action.values()));
        order.sort((x, y) -> Boolean.compare(fromConfig.containsKey(y), fromConfig.containsKey(x)));
        Map<Action, String> result = new EnumMap<>(Action.class);
        for (Action a : order) {
            String key = keys.get(a);
            Action holder = null;
            for (Context c : scopes(a.context())) {
                holder = claimed.get(c + " " + key);
                if (holder != null) break;
            }
            if (holder == null && a.context() == Context.GLOBAL) {
                for (Context c : Context.values()) {
                    holder = claimed.get(c + " " + key);
                    if (holder != null) break;
                }
            }
            if (holder != null) {
                warnings.add("key clash: '" + key + "' is bound to " + holder.configName() + " and " + a.configName()
                        + "; " + a.configName() + " has no key");
                continue;
            }
            claimed.put(a.context() + " " + key, a);
            result.put(a, key);
        }
        return new KeyBindings(result, warnings);
    }

    private static List<Context> scopes(Context c) {
        return c == Context.GLOBAL ? List.of(Context.GLOBAL) : List.of(c, Context.GLOBAL);
    }

    /** The action for a key in {@code context}: the context's own first, then the global ones. */
    public Optional<Action> action(String key, Context context) {
        if (key == null) return Optional.empty();
        Action global = null;
        for (Map.Entry<Action, String> e : keys.entrySet()) {
            if (!e.getValue().equals(key)) continue;
            if (e.getKey().context() == context) return Optional.of(e.getKey());
            if (e.getKey().context() == Context.GLOBAL) global = e.getKey();
        }
        return Optional.ofNullable(global);
    }

    /** The key bound to {@code action}, or "" when a clash left it without one. */
    public String key(Action action) {
        return keys.getOrDefault(action, "");
    }

    public List<String> warnings() {
        return warnings;
    }
}
