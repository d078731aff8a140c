package dev.purser.engine.image;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Docker's image list filters ({@code docker images --filter}): {@code dangling=true|false},
 * {@code reference=PATTERN} (a glob on the familiar name, with or without its tag),
 * {@code before=IMAGE}, {@code since=IMAGE} (created before / after that image) and
 * {@code label=KEY} or {@code label=KEY=VALUE}. Values of one filter are alternatives for
 * {@code reference}; every {@code label} must match; several {@code before} (or {@code since})
 * mean the strictest of them, as in Docker.
 */
public final class ImageFilter {
    private static final Set<String> ACCEPTED = Set.of("dangling", "label", "before", "since", "reference");
    public static final ImageFilter NONE = new ImageFilter(Map.of(), null, List.of());

    private final Map<String, List<String>> values;
    private final Boolean dangling;
    private final List<Pattern> references;

    private ImageFilter(Map<String, List<String>> values, Boolean dangling, List<Pattern> references) {
        this.values = values;
        this.dangling = dangling;
        this.references = references;
    }

    /**
     * Validates {@code filters} (filter name to its values) with Docker's messages.
     *
     * @throws IllegalArgumentException {@code invalid filter 'x'} for a filter images do not have,
     *         {@code invalid filter 'dangling=x'} for a dangling value other than true or false, and
     *         {@code syntax error in pattern} for a malformed reference pattern
     */
    public static ImageFilter of(Map<String, List<String>> filters) {
        Map<String, List<String>> copy = new LinkedHashMap<>();
        filters.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        for (String key : copy.keySet()) {
            if (!ACCEPTED.contains(key)) throw new IllegalArgumentException("invalid filter '" + key + "'");
        }
        Boolean dangling = null;
        List<String> d = copy.getOrDefault("dangling", List.of());
        if (!d.isEmpty()) {
            // Docker's ExactMatch: any one value equal to "true" selects the dangling images
            if (d.contains("true")) dangling = true;
            else if (d.contains("false")) dangling = false;
            else throw new IllegalArgumentException("invalid filter 'dangling=" + String.join(",", d) + "'");
        }
        List<Pattern> references = new ArrayList<>();
        for (String p : copy.getOrDefault("reference", List.of())) {
            references.add(glob(p));
        }
        return new ImageFilter(Map.copyOf(copy), dangling, List.copyOf(references));
    }

    List<String> before() {
        return values.getOrDefault("before", List.of());
    }

    List<String> since() {
        return values.getOrDefault("since", List.of());
    }

    boolean filtersReferences() {
        return !references.isEmpty();
    }

    /** Whether an image with these tags is listed as far as {@code dangling} is concerned. */
    boolean danglingAllows(List<String> repoTags) {
        return dangling == null || dangling == repoTags.isEmpty();
    }

    /** Docker's FamiliarMatch: the pattern matches "name:tag" or just "name". */
    boolean referenceMatches(String familiarTag) {
        String name = nameOf(familiarTag);
        for (Pattern p : references) {
            if (p.matcher(familiarTag).matches() || p.matcher(name).matches()) return true;
        }
        return false;
    }

    boolean labelsMatch(Map<String, String> labels) {
        for (String wanted : values.getOrDefault("label", List.of())) {
            int eq = wanted.indexOf('=');
            String key = eq < 0 ? wanted : wanted.substring(0, eq);
            if (labels == null || !labels.containsKey(key)) return false;
            if (eq >= 0 && !wanted.substring(eq + 1).equals(labels.get(key))) return false;
        }
        return true;
    }

    private static String nameOf(String familiarTag) {
        int colon = familiarTag.lastIndexOf(':');
        return colon > familiarTag.lastIndexOf('/') ? familiarTag.substring(0, colon) : familiarTag;
    }

    /** Go's path.Match as a regex: * and ? stop at '/', [...] classes with ^ for negation, \ escapes. */
    private static Pattern glob(String pattern) {
        StringBuilder r = new StringBuilder();
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            switch (c) {
                case '*' -> r.append("[^/]*");
                case '?' -> r.append("[^/]");
                case '\\' -> {
                    if (++i >= pattern.length()) throw badPattern();
                    r.append(Pattern.quote(String.valueOf(pattern.charAt(i))));
                }
                case '[' -> {
                    int end = pattern.indexOf(']', i + 2);
                    if (end < 0) throw badPattern();
                    String body = pattern.substring(i + 1, end);
                    r.append('[').append(body.startsWith("^") ? "^/" + quoteClass(body.substring(1)) : quoteClass(body)).append(']');
                    i = end;
                }
                default -> r.append(Pattern.quote(String.valueOf(c)));
            }
        }
        try {
            return Pattern.compile(r.toString());
        } catch (PatternSyntaxException e) {
            throw badPattern();
        }
    }

    private static String quoteClass(String body) {
        StringBuilder s = new StringBuilder();
        for (char c : body.toCharArray()) {
            if (c == '-') s.append('-');
            else if (Character.isLetterOrDigit(c)) s.append(c);
            else s.append('\\').append(c);
        }
        return s.toString();
    }

    private static IllegalArgumentException badPattern() {
        return new IllegalArgumentException("syntax error in pattern");
    }
}
