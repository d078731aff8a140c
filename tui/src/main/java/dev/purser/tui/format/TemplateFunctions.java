package dev.purser.tui.format;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.purser.tui.client.JsonTrees;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * The functions a docker {@code --format} template can call: Go's builtins plus the ones the
 * docker CLI adds (json, split, join, title, lower, upper, pad, truncate). In a table header
 * docker swaps most of its own for identity functions so column names stay as written.
 */
final class TemplateFunctions {
    private static final Set<String> NAMES = Set.of(
            "json", "split", "join", "title", "lower", "upper", "pad", "truncate",
            "print", "println", "printf", "len", "index", "slice", "not", "and", "or",
            "eq", "ne", "lt", "le", "gt", "ge", "html", "js", "urlquery");
    private static final Set<String> HEADER_IDENTITY = Set.of("json", "split", "join", "title", "lower", "upper", "truncate");

    private TemplateFunctions() {}

    static boolean isDefined(String name) {
        return NAMES.contains(name);
    }

    static Object call(String name, List<Object> args, boolean header) {
        if (header && HEADER_IDENTITY.contains(name) && !args.isEmpty()) return GoValues.print(args.get(0));
        switch (name) {
            case "json": return json(arg(name, args, 0, 1));
            case "split": {
                need(name, args, 2);
                return new ArrayList<>(Arrays.asList(GoValues.print(args.get(0)).split(java.util.regex.Pattern.quote(GoValues.print(args.get(1))), -1)));
            }
            case "join": return join(args);
            case "title": return title(GoValues.print(arg(name, args, 0, 1)));
            case "lower": return GoValues.print(arg(name, args, 0, 1)).toLowerCase(Locale.ROOT);
            case "upper": return GoValues.print(arg(name, args, 0, 1)).toUpperCase(Locale.ROOT);
            case "pad": {
                need(name, args, 3);
                String s = GoValues.print(args.get(0));
                if (s.isEmpty()) return s;
                return " ".repeat((int) number(args.get(1))) + s + " ".repeat((int) number(args.get(2)));
            }
            case "truncate": {
                need(name, args, 2);
                String s = GoValues.print(args.get(0));
                int length = (int) number(args.get(1));
                return s.length() < length ? s : s.substring(0, length);
            }
            case "print": return sprint(args);
            case "println": {
                List<String> parts = new ArrayList<>();
                args.forEach(a -> parts.add(GoValues.print(a)));
                return String.join(" ", parts) + "\n";
            }
            case "printf": return printf(args);
            case "len": {
                Object v = GoValues.unwrap(arg(name, args, 0, 1));
                if (v instanceof String s) return (long) s.length();
                if (v instanceof JsonNode n) return (long) n.size();
                if (v instanceof List<?> l) return (long) l.size();
                throw new TemplateException("error calling len: len of type " + GoValues.typeName(v));
            }
            case "index": return index(args);
            case "slice": return slice(args);
            case "not": return !GoValues.truth(arg(name, args, 0, 1));
            case "and": {
                Object last = null;
                for (Object a : args) { last = a; if (!GoValues.truth(a)) return a; }
                return last;
            }
            case "or": {
                Object last = null;
                for (Object a : args) { last = a; if (GoValues.truth(a)) return a; }
                return last;
            }
            case "eq": {
                if (args.size() < 2) throw new TemplateException("wrong number of args for eq: want at least 1 got " + args.size());
                for (int i = 1; i < args.size(); i++) if (equal(args.get(0), args.get(i))) return true;
                return false;
            }
            case "ne": need(name, args, 2); return !equal(args.get(0), args.get(1));
            case "lt": need(name, args, 2); return compare(args.get(0), args.get(1)) < 0;
            case "le": need(name, args, 2); return compare(args.get(0), args.get(1)) <= 0;
            case "gt": need(name, args, 2); return compare(args.get(0), args.get(1)) > 0;
            case "ge": need(name, args, 2); return compare(args.get(0), args.get(1)) >= 0;
            case "html", "js", "urlquery": return sprint(args);
            default: throw new TemplateException("function \"" + name + "\" not defined");
        }
    }

    private static Object arg(String name, List<Object> args, int i, int want) {
        need(name, args, want);
        return args.get(i);
    }

    private static void need(String name, List<Object> args, int want) {
        if (args.size() != want) {
            throw new TemplateException("wrong number of args for " + name + ": want " + want + " got " + args.size());
        }
    }

    static String json(Object v) {
        try {
            if (v instanceof JsonNode node) return JsonTrees.text(node);
            return Mapper.JSON.writeValueAsString(GoValues.unwrap(v));
        } catch (JsonProcessingException e) {
            throw new TemplateException("error calling json: " + e.getOriginalMessage());
        }
    }

    /** Only for values that are not trees (lists, maps, numbers a template made): trees go through {@link JsonTrees}. */
    private static final class Mapper {
        static final ObjectMapper JSON = new ObjectMapper().disable(SerializationFeature.INDENT_OUTPUT);
    }

    private static String join(List<Object> args) {
        need("join", args, 2);
        Object v = GoValues.unwrap(args.get(0));
        String sep = GoValues.print(args.get(1));
        if (v == null) return "";
        List<String> parts = new ArrayList<>();
        if (v instanceof JsonNode n && n.isObject()) {
            n.elements().forEachRemaining(e -> parts.add(GoValues.print(e)));
            parts.sort(null);
        } else if (v instanceof JsonNode n && n.isArray()) {
            n.elements().forEachRemaining(e -> parts.add(GoValues.print(e)));
        } else if (v instanceof List<?> l) {
            l.forEach(e -> parts.add(GoValues.print(e)));
        } else {
            throw new TemplateException("error calling join: expected slice, got " + GoValues.typeName(v));
        }
        return String.join(sep, parts);
    }

    /** Go's deprecated strings.Title: upper-cases the first letter of each word. */
    static String title(String s) {
        StringBuilder b = new StringBuilder(s.length());
        boolean start = true;
        for (char c : s.toCharArray()) {
            b.append(start ? Character.toTitleCase(c) : c);
            start = !Character.isLetterOrDigit(c) && c != '_' && c != '\'';
        }
        return b.toString();
    }

    private static String sprint(List<Object> args) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < args.size(); i++) {
            // Go's Sprint adds spaces only between operands when neither is a string.
            if (i > 0 && !(GoValues.unwrap(args.get(i)) instanceof String) && !(GoValues.unwrap(args.get(i - 1)) instanceof String)) b.append(' ');
            b.append(GoValues.print(args.get(i)));
        }
        return b.toString();
    }

    private static String printf(List<Object> args) {
        if (args.isEmpty()) throw new TemplateException("wrong number of args for printf: want at least 1 got 0");
        String format = GoValues.print(args.get(0));
        StringBuilder b = new StringBuilder();
        int next = 1;
        for (int i = 0; i < format.length(); i++) {
            char c = format.charAt(i);
            if (c != '%' || i + 1 >= format.length()) { b.append(c); continue; }
            char verb = format.charAt(++i);
            if (verb == '%') { b.append('%'); continue; }
            Object a = next < args.size() ? args.get(next++) : null;
            switch (verb) {
                case 'q' -> b.append(json(GoValues.print(a)));
                case 'd' -> b.append((long) number(a));
                default -> b.append(GoValues.print(a));
            }
        }
        return b.toString();
    }

    private static Object index(List<Object> args) {
        if (args.isEmpty()) throw new TemplateException("wrong number of args for index: want at least 1 got 0");
        Object current = args.get(0);
        for (int i = 1; i < args.size(); i++) {
            Object v = GoValues.unwrap(current);
            Object key = GoValues.unwrap(args.get(i));
            if (v instanceof JsonNode n && n.isObject()) {
                JsonNode child = n.get(GoValues.print(key));
                current = child == null ? "" : child;
            } else if ((v instanceof JsonNode || v instanceof List<?>) && key instanceof Long idx) {
                int size = v instanceof JsonNode n ? n.size() : ((List<?>) v).size();
                if (idx < 0 || idx >= size) throw new TemplateException("error calling index: index out of range: " + idx);
                current = v instanceof JsonNode n ? n.get(idx.intValue()) : ((List<?>) v).get(idx.intValue());
            } else if (v == null) {
                throw new TemplateException("error calling index: index of untyped nil");
            } else {
                throw new TemplateException("error calling index: can't index item of type " + GoValues.typeName(v));
            }
        }
        return current;
    }

    private static Object slice(List<Object> args) {
        if (args.isEmpty()) throw new TemplateException("wrong number of args for slice: want at least 1 got 0");
        Object v = GoValues.unwrap(args.get(0));
        if (v instanceof String s) {
            int from = args.size() > 1 ? (int) number(args.get(1)) : 0;
            int to = args.size() > 2 ? (int) number(args.get(2)) : s.length();
            if (from < 0 || to > s.length() || from > to) throw new TemplateException("error calling slice: index out of range");
            return s.substring(from, to);
        }
        throw new TemplateException("error calling slice: can't slice item of type " + GoValues.typeName(v));
    }

    static double number(Object v) {
        Object u = GoValues.unwrap(v);
        if (u instanceof Long l) return l;
        if (u instanceof Double d) return d;
        throw new TemplateException("expected integer; found " + GoValues.print(u));
    }

    private static boolean equal(Object a, Object b) {
        Object x = GoValues.unwrap(a);
        Object y = GoValues.unwrap(b);
        if (x instanceof Number && y instanceof Number) return ((Number) x).doubleValue() == ((Number) y).doubleValue();
        if (x instanceof JsonNode || y instanceof JsonNode) return Objects.equals(x, y);
        return Objects.equals(x, y);
    }

    private static int compare(Object a, Object b) {
        Object x = GoValues.unwrap(a);
        Object y = GoValues.unwrap(b);
        if (x instanceof Number && y instanceof Number) return Double.compare(((Number) x).doubleValue(), ((Number) y).doubleValue());
        if (x instanceof String s && y instanceof String t) return s.compareTo(t);
        throw new TemplateException("error calling lt: incompatible types for comparison");
    }
}
