package dev.purser.engine.api;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Maps a method and a path such as {@code /containers/{id}/json} to its endpoint. The API
 * version prefix ({@code /v1.41}) is stripped before matching. Path parameters may contain
 * slashes only where the pattern says {@code {name:.+}} (image names do: {@code library/busybox}).
 */
public final class Router {
    private final List<Route> routes = new ArrayList<>();

    public Router add(String method, String pattern, Endpoint endpoint) {
        return add(method, pattern, endpoint, false);
    }

    /** A route whose request body is spooled to a file instead of held in memory (image uploads). */
    public Router addUpload(String method, String pattern, Endpoint endpoint) {
        return add(method, pattern, endpoint, true);
    }

    private Router add(String method, String pattern, Endpoint endpoint, boolean upload) {
        List<String> names = new ArrayList<>();
        StringBuilder regex = new StringBuilder("^");
        Matcher m = Pattern.compile("\\{(\\w+)(?::([^}]+))?}").matcher(pattern);
        int last = 0;
        while (m.find()) {
            regex.append(Pattern.quote(pattern.substring(last, m.start())));
            names.add(m.group(1));
            regex.append('(').append(m.group(2) == null ? "[^/]+" : m.group(2)).append(')');
            last = m.end();
        }
        regex.append(Pattern.quote(pattern.substring(last))).append('$');
        routes.add(new Route(method, Pattern.compile(regex.toString()), names, endpoint, upload));
        return this;
    }

    /** The matching route and its path parameters; empty when no route has this path at all. */
    public Optional<Match> match(String method, String path) {
        for (Route route : routes) {
            Matcher m = route.pattern.matcher(path);
            if (route.method.equals(method) && m.matches()) {
                Map<String, String> params = new HashMap<>();
                for (int i = 0; i < route.names.size(); i++) {
                    params.put(route.names.get(i), m.group(i + 1));
                }
                return Optional.of(new Match(route.endpoint, params, route.upload));
            }
        }
        return Optional.empty();
    }

    /** The path without its {@code /vX.Y} prefix, and the version asked for (null when none). */
    public static String[] splitVersion(String path) {
        Matcher m = Pattern.compile("^/v(\\d+\\.\\d+)(/.*)$").matcher(path);
        if (m.matches()) {
            return new String[] {m.group(2), m.group(1)};
        }
        return new String[] {path, null};
    }

    private record Route(String method, Pattern pattern, List<String> names, Endpoint endpoint, boolean upload) {}

    public record Match(Endpoint endpoint, Map<String, String> params, boolean upload) {}
}
