package dev.purser.tui.client;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** The daemon-wide endpoints: ping, version, info, events. */
public final class SystemApi {
    private final EngineConnection engine;

    SystemApi(EngineConnection engine) {
        this.engine = engine;
    }

    /** True when the daemon answers {@code /_ping} with OK. */
    public boolean ping() {
        try {
            return engine.get("/_ping").asText().trim().equals("OK");
        } catch (RuntimeException e) {
            return false;
        }
    }

    public JsonNode version() {
        return engine.get("/version");
    }

    /** {@code GET /system/df}: layers, images, containers, volumes and build cache with their sizes. */
    public JsonNode diskUsage() {
        return engine.get("/system/df");
    }

    public JsonNode info() {
        return engine.get("/info");
    }

    /** Opens the event stream: one JSON object per line. */
    public Response events(String since, String until, List<String> filters) {
        return engine.open("GET", "/events" + Query.of().add("since", since).add("until", until).filters(filters), null, null);
    }
}
