package dev.purser.engine.api;

import dev.purser.engine.container.Container;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The {@code filters} parameter of container listing and pruning: a JSON object of filter
 * name to values ({@code {"status":["running"]}}, or the older {@code {"status":{"running":true}}}).
 * Values of one filter are alternatives; different filters must all match.
 */
final class ContainerFilters {
    private static final Set<String> KEYS = Set.of("id", "name", "status", "label", "ancestor", "exited", "until", "volume");
    private static final Set<String> STATUSES = Set.of("created", "restarting", "running", "removing", "paused",
            "exited", "dead");

    private final Map<String, List<String>> filters;

    private ContainerFilters(Map<String, List<String>> filters) {
        this.filters = filters;
    }

    static ContainerFilters parse(String query) {
        Map<String, List<String>> out = FilterQuery.parse(query);
        for (Map.Entry<String, List<String>> e : out.entrySet()) {
            if (!KEYS.contains(e.getKey())) {
                throw ApiException.badRequest("invalid filter '" + e.getKey() + "'");
            }
            if (e.getKey().equals("status")) {
                for (String status : e.getValue()) {
                    if (!STATUSES.contains(status)) {
                        throw ApiException.badRequest("invalid filter 'status=" + status + "'");
                    }
                }
            }
        }
        return new ContainerFilters(out);
    }

    boolean mentionsStatus() {
        return filters.containsKey("status") || filters.containsKey("exited");
    }

    boolean matches(Container c) {
        return all("id", v -> c.id().startsWith(v))
                && all("name", v -> Pattern.compile(v).matcher(c.name()).find())
                && all("status", v -> c.state().status().equals(v))
                && all("exited", v -> c.state().status().equals("exited") && Integer.toString(c.state().exitCode()).equals(v))
                && all("ancestor", v -> v.equals(c.config().image()) || c.image().startsWith(v)
                        || c.image().startsWith("sha256:" + v))
                && labels(c.config().labels())
                && all("volume", v -> c.ownMounts().stream()
                        .anyMatch(m -> m.inspected() && (v.equals(m.isVolume() ? m.name() : m.source())
                                || v.equals(m.destination()))));
    }

    /** The listing's own filters are not prune's: {@code volume} there is Docker's invalid filter, not ignored. */
    ContainerFilters forPrune() {
        if (filters.containsKey("volume")) {
            throw ApiException.badRequest("invalid filter 'volume'");
        }
        return this;
    }

    boolean matchesPrune(Container c) {
        return labels(c.config().labels()) && all("until", v -> c.created().compareTo(v) < 0);
    }

    private boolean labels(Map<String, String> labels) {
        List<String> wanted = filters.get("label");
        if (wanted == null) {
            return true;
        }
        for (String w : wanted) {
            int eq = w.indexOf('=');
            boolean ok = eq < 0 ? labels.containsKey(w) : w.substring(eq + 1).equals(labels.get(w.substring(0, eq)));
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    private boolean all(String key, java.util.function.Predicate<String> test) {
        List<String> values = filters.get(key);
        return values == null || values.stream().anyMatch(test);
    }
}
