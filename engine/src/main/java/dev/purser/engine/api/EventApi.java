package dev.purser.engine.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.purser.engine.container.DockerJson;
import dev.purser.engine.event.Event;
import dev.purser.engine.event.EventBus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * {@code GET /events}: past events since a time, then live ones until the client leaves or the
 * {@code until} time passes; one JSON object per line.
 */
final class EventApi {
    private final EventBus events;
    private final ObjectMapper json = DockerJson.mapper();

    EventApi(EventBus events) {
        this.events = events;
    }

    void register(Router router) {
        router.add("GET", "/events", this::stream);
    }

    private void stream(Exchange x) throws Exception {
        Instant since = ContainerApi.Times.parse(x.query("since"));
        Instant until = ContainerApi.Times.parse(x.query("until"));
        Map<String, List<String>> filters = filters(x.query("filters"));
        long untilNanos = until == null ? Long.MAX_VALUE : until.getEpochSecond() * 1_000_000_000L + until.getNano();
        BlockingQueue<Event> queue = new LinkedBlockingQueue<>();
        // "0" is the epoch here (every kept event), where for logs it means no bound at all
        long sinceNanos = "0".equals(x.query("since")) ? 0
                : since == null ? -1 : since.getEpochSecond() * 1_000_000_000L + since.getNano();
        try (EventBus.Subscription sub = events.subscribe(sinceNanos, queue::add);
                Exchange.ResponseStream out = x.stream(200, "application/json")) {
            while (out.isOpen()) {
                long now = System.currentTimeMillis() * 1_000_000L;
                if (now > untilNanos && queue.isEmpty()) {
                    return;
                }
                Event e = queue.poll(200, TimeUnit.MILLISECONDS);
                if (e == null) {
                    continue;
                }
                if (e.timeNano() > untilNanos) {
                    return;
                }
                if (matches(e, filters)) {
                    out.write(json.writeValueAsString(e) + "\n");
                }
            }
        }
    }

    private Map<String, List<String>> filters(String query) {
        Map<String, List<String>> out = new HashMap<>();
        if (query == null || query.isEmpty()) {
            return out;
        }
        try {
            JsonNode root = json.readTree(query);
            root.fields().forEachRemaining(f -> {
                List<String> values = new ArrayList<>();
                if (f.getValue().isArray()) {
                    f.getValue().forEach(v -> values.add(v.asText()));
                } else {
                    f.getValue().fieldNames().forEachRemaining(values::add);
                }
                out.put(f.getKey(), values);
            });
        } catch (Exception e) {
            throw ApiException.badRequest("invalid filter: " + query);
        }
        return out;
    }

    private static boolean matches(Event e, Map<String, List<String>> filters) {
        for (Map.Entry<String, List<String>> f : filters.entrySet()) {
            List<String> v = f.getValue();
            Map<String, String> attrs = e.actor().attributes();
            boolean ok = switch (f.getKey()) {
                case "type" -> v.contains(e.type());
                case "event" -> v.stream().anyMatch(a -> e.action().equals(a) || e.action().startsWith(a + ":"));
                case "container" -> "container".equals(e.type())
                        && v.stream().anyMatch(c -> e.actor().id().startsWith(c) || c.equals(attrs.get("name")));
                case "image" -> v.stream().anyMatch(i -> i.equals(attrs.get("image")) || i.equals(attrs.get("name"))
                        || e.actor().id().equals(i));
                case "volume" -> "volume".equals(e.type()) && v.contains(e.actor().id());
                // Docker's: the network's id or name, whole or its start
                case "network" -> "network".equals(e.type()) && v.stream().anyMatch(n -> e.actor().id().startsWith(n)
                        || attrs.getOrDefault("name", "").startsWith(n));
                case "label" -> v.stream().allMatch(l -> {
                    int eq = l.indexOf('=');
                    return eq < 0 ? attrs.containsKey(l) : l.substring(eq + 1).equals(attrs.get(l.substring(0, eq)));
                });
                default -> true;
            };
            if (!ok) {
                return false;
            }
        }
        return true;
    }
}
