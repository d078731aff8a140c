package dev.purser.engine.volume;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Docker's volume filters: for a listing {@code dangling}, {@code name} (a substring or regular
 * expression), {@code driver}, {@code label}; for a prune {@code label}, {@code label!} and
 * {@code all}. Values of one filter are alternatives, except labels, which must all match;
 * different filters must all match. Bad filters get Docker's messages.
 */
public final class VolumeFilter {
    private static final Set<String> LIST_KEYS = Set.of("dangling", "name", "driver", "label");
    private static final Set<String> PRUNE_KEYS = Set.of("label", "label!", "all");

    private final Map<String, List<String>> filters;
    private final Boolean dangling;

    private VolumeFilter(Map<String, List<String>> filters, Boolean dangling) {
        this.filters = filters;
        this.dangling = dangling;
    }

    /** The filters of {@code GET /volumes}. */
    public static VolumeFilter forList(Map<String, List<String>> filters) {
        checkKeys(filters, LIST_KEYS);
        Boolean dangling = filters.containsKey("dangling") ? bool("dangling", filters.get("dangling")) : null;
        filters.getOrDefault("name", List.of()).forEach(VolumeFilter::pattern);
        return new VolumeFilter(Map.copyOf(filters), dangling);
    }

    /**
     * The filters of {@code POST /volumes/prune}: anonymous volumes only unless {@code all} is
     * true (API 1.42 and later; {@code everyVolume} for older clients, which pruned them all).
     */
    public static VolumeFilter forPrune(Map<String, List<String>> filters, boolean everyVolume) {
        checkKeys(filters, PRUNE_KEYS);
        List<String> all = filters.getOrDefault("all", List.of());
        if (all.size() > 1) {
            throw new IllegalArgumentException("invalid filter 'all=" + String.join(",", all) + "': only one value is expected");
        }
        boolean every = everyVolume;
        if (all.size() == 1) {
            every = switch (all.get(0).toLowerCase(java.util.Locale.ROOT)) {
                case "1", "t", "true" -> true;
                case "0", "f", "false" -> false;
                default -> throw new IllegalArgumentException("invalid filter 'all': strconv.ParseBool: parsing \""
                        + all.get(0) + "\": invalid syntax");
            };
        }
        Map<String, List<String>> out = new java.util.HashMap<>(filters);
        if (!every) {
            List<String> labels = new java.util.ArrayList<>(out.getOrDefault("label", List.of()));
            labels.add(Volume.ANONYMOUS_LABEL);
            out.put("label", labels);
        }
        return new VolumeFilter(Map.copyOf(out), null);
    }

    private static void checkKeys(Map<String, List<String>> filters, Set<String> keys) {
        for (String key : filters.keySet()) {
            if (!keys.contains(key)) {
                throw new IllegalArgumentException("invalid filter '" + key + "'");
            }
        }
    }

    /** moby's GetBoolOrDefault: true/1 or false/0, not both. */
    private static boolean bool(String key, List<String> values) {
        boolean t = values.contains("true") || values.contains("1");
        boolean f = values.contains("false") || values.contains("0");
        if (t == f) {
            throw new IllegalArgumentException("invalid filter '" + key + "=" + String.join(",", values) + "'");
        }
        return t;
    }

    private static Pattern pattern(String value) {
        try {
            return Pattern.compile(value);
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("invalid filter 'name=" + value + "': " + e.getDescription());
        }
    }

    /** Whether the filters want {@code volume}; {@code inUse} says whether some container uses it. */
    public boolean matches(Volume volume, boolean inUse) {
        return any("name", v -> v.equals(volume.name()) || pattern(v).matcher(volume.name()).find())
                && any("driver", v -> v.equals(volume.driver()))
                && (dangling == null || dangling == !inUse)
                && labels(volume.labelsOrEmpty());
    }

    /** Whether the filter asks about use ({@code dangling}), which needs the containers to answer. */
    public boolean asksAboutUse() {
        return dangling != null;
    }

    private boolean labels(Map<String, String> labels) {
        List<String> wanted = filters.get("label");
        if (wanted != null && !wanted.isEmpty() && !allMatch(wanted, labels)) {
            return false;
        }
        List<String> unwanted = filters.get("label!");
        return unwanted == null || unwanted.isEmpty() || !allMatch(unwanted, labels);
    }

    /** moby's MatchKVList: every {@code key} or {@code key=value} is among the labels. */
    private static boolean allMatch(List<String> tests, Map<String, String> labels) {
        if (labels.isEmpty()) {
            return false;
        }
        for (String t : tests) {
            int eq = t.indexOf('=');
            String key = eq < 0 ? t : t.substring(0, eq);
            if (!labels.containsKey(key) || (eq >= 0 && !t.substring(eq + 1).equals(labels.get(key)))) {
                return false;
            }
        }
        return true;
    }

    private boolean any(String key, Predicate<String> test) {
        List<String> values = filters.get(key);
        return values == null || values.isEmpty() || values.stream().anyMatch(test);
    }
}
