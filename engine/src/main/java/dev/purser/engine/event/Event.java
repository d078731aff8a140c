package dev.purser.engine.event;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/**
 * One event in Docker's shape: {@code Type} (container, image, ...), {@code Action} (create,
 * start, die, ...), the {@code Actor} it happened to, and when. The old top-level
 * {@code status}/{@code id}/{@code from} fields are kept because older clients read them.
 */
public record Event(
        @JsonProperty("Type") String type,
        @JsonProperty("Action") String action,
        @JsonProperty("Actor") Actor actor,
        @JsonProperty("scope") String scope,
        @JsonProperty("time") long time,
        @JsonProperty("timeNano") long timeNano,
        @JsonProperty("status") String status,
        @JsonProperty("id") String id,
        @JsonProperty("from") String from) {

    /** The object an event is about, with attributes such as {@code name}, {@code image}, {@code exitCode}. */
    public record Actor(@JsonProperty("ID") String id, @JsonProperty("Attributes") Map<String, String> attributes) {
        public Actor {
            attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
        }
    }

    public static Event of(String type, String action, String actorId, Map<String, String> attributes, long nanos) {
        String from = "container".equals(type) ? attributes.get("image") : null;
        return new Event(type, action, new Actor(actorId, attributes), "local", nanos / 1_000_000_000L, nanos,
                "container".equals(type) || "image".equals(type) ? action : null,
                "container".equals(type) || "image".equals(type) ? actorId : null, from);
    }
}
