package dev.purser.engine.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.purser.engine.container.DockerJson;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code filters} query parameter as Docker sends it: a JSON object of filter name to values,
 * either a list ({@code {"dangling":["true"]}}) or the older map form ({@code {"dangling":{"true":true}}}).
 * Only the shape is read here; which filters exist and what they mean is the engine's.
 */
final class FilterQuery {
    private FilterQuery() {}

    static Map<String, List<String>> parse(String query) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        if (query == null || query.isEmpty()) {
            return out;
        }
        JsonNode root;
        try {
            root = DockerJson.mapper().readTree(query);
        } catch (Exception e) {
            throw ApiException.badRequest("invalid filter: " + e.getMessage().lines().findFirst().orElse(""));
        }
        if (!root.isObject()) {
            throw ApiException.badRequest("invalid filter: not a JSON object");
        }
        root.fields().forEachRemaining(entry -> {
            List<String> values = new ArrayList<>();
            JsonNode v = entry.getValue();
            if (v.isArray()) {
                v.forEach(x -> values.add(x.asText()));
            } else if (v.isObject()) {
                v.fieldNames().forEachRemaining(values::add);
            } else {
                values.add(v.asText());
            }
            out.put(entry.getKey(), values);
        });
        return out;
    }
}
