package dev.purser.tui.format;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * How Go's text/template sees values: printing with {@code %v}, truth, and length. Values are
 * Jackson nodes (API data), or plain Java values made by literals and functions
 * (String, Long, Double, Boolean, List, null).
 */
final class GoValues {
    /** Printed for a missing map key, exactly as Go does. */
    static final String NO_VALUE = "<no value>";

    private GoValues() {}

    static Object unwrap(Object v) {
        if (v instanceof JsonNode n) {
            if (n.isMissingNode() || n.isNull()) return null;
            if (n.isTextual()) return n.textValue();
            if (n.isBoolean()) return n.booleanValue();
            if (n.isIntegralNumber()) return n.longValue();
            if (n.isNumber()) return n.doubleValue();
        }
        return v;
    }

    static String print(Object value) {
        Object v = unwrap(value);
        if (v == null) return "<nil>";
        if (v instanceof String s) return s;
        if (v instanceof Double d) {
            return HumanSize.GoNumbers.formatG(d, -1);
        }
        if (v instanceof JsonNode n && n.isArray()) {
            List<String> parts = new ArrayList<>();
            n.forEach(e -> parts.add(print(e)));
            return "[" + String.join(" ", parts) + "]";
        }
        if (v instanceof JsonNode n && n.isObject()) {
            List<String> keys = new ArrayList<>();
            n.fieldNames().forEachRemaining(keys::add);
            Collections.sort(keys);
            List<String> parts = new ArrayList<>();
            for (String k : keys) parts.add(k + ":" + print(n.get(k)));
            return "map[" + String.join(" ", parts) + "]";
        }
        if (v instanceof List<?> list) {
            List<String> parts = new ArrayList<>();
            list.forEach(e -> parts.add(print(e)));
            return "[" + String.join(" ", parts) + "]";
        }
        if (v instanceof Map<?, ?> map) {
            List<String> parts = new ArrayList<>();
            new java.util.TreeMap<>(map).forEach((k, e) -> parts.add(k + ":" + print(e)));
            return "map[" + String.join(" ", parts) + "]";
        }
        return String.valueOf(v);
    }

    static boolean truth(Object value) {
        Object v = unwrap(value);
        if (v == null) return false;
        if (v instanceof Boolean b) return b;
        if (v instanceof String s) return !s.isEmpty();
        if (v instanceof Long l) return l != 0;
        if (v instanceof Double d) return d != 0;
        if (v instanceof JsonNode n) return n.size() > 0;
        if (v instanceof List<?> l) return !l.isEmpty();
        if (v instanceof Map<?, ?> m) return !m.isEmpty();
        return true;
    }

    /** Elements to range over: list items, or a map's values in key order (Go sorts map keys). */
    static List<Map.Entry<Object, Object>> entries(Object value) {
        Object v = unwrap(value);
        List<Map.Entry<Object, Object>> out = new ArrayList<>();
        if (v == null) return out;
        if (v instanceof JsonNode n && n.isArray()) {
            for (int i = 0; i < n.size(); i++) out.add(Map.entry(i, n.get(i)));
        } else if (v instanceof JsonNode n && n.isObject()) {
            List<String> keys = new ArrayList<>();
            for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) keys.add(it.next());
            Collections.sort(keys);
            for (String k : keys) out.add(Map.entry(k, n.get(k)));
        } else if (v instanceof List<?> l) {
            for (int i = 0; i < l.size(); i++) out.add(new java.util.AbstractMap.SimpleEntry<>(i, l.get(i)));
        } else if (v instanceof Long count) {
            for (long i = 0; i < count; i++) out.add(Map.entry(i, i));
        } else {
            throw new TemplateException("range can't iterate over " + print(v));
        }
        return out;
    }

    static String typeName(Object value) {
        Object v = unwrap(value);
        if (v == null) return "<nil>";
        if (v instanceof String) return "string";
        if (v instanceof Long) return "int";
        if (v instanceof Double) return "float64";
        if (v instanceof Boolean) return "bool";
        if (v instanceof JsonNode n && n.isArray()) return "[]interface {}";
        if (v instanceof List<?>) return "[]string";
        return "map[string]interface {}";
    }
}
