package dev.purser.tui.client;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** A URL query string built parameter by parameter; null and false values are left out. */
public final class Query {
    private final StringBuilder text = new StringBuilder();

    public static Query of() {
        return new Query();
    }

    public Query add(String name, Object value) {
        if (value == null || Boolean.FALSE.equals(value) || "".equals(value)) return this;
        text.append(text.length() == 0 ? '?' : '&')
                .append(name).append('=')
                .append(URLEncoder.encode(Boolean.TRUE.equals(value) ? "1" : String.valueOf(value), StandardCharsets.UTF_8));
        return this;
    }

    /** Docker's {@code filters} parameter: {"name":{"value":true}} from repeated key=value pairs. */
    public Query filters(List<String> pairs) {
        if (pairs == null || pairs.isEmpty()) return this;
        Map<String, Map<String, Boolean>> filters = new TreeMap<>();
        for (String pair : pairs) {
            int eq = pair.indexOf('=');
            if (eq < 0) throw new IllegalArgumentException("bad format of filter (expected name=value)");
            filters.computeIfAbsent(pair.substring(0, eq).trim().toLowerCase(), k -> new LinkedHashMap<>())
                    .put(pair.substring(eq + 1), true);
        }
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        filters.forEach((name, values) -> {
            ObjectNode set = json.putObject(name);
            values.keySet().forEach(v -> set.put(v, true));
        });
        return add("filters", JsonTrees.text(json));
    }

    @Override
    public String toString() {
        return text.toString();
    }
}
