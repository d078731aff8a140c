package dev.purser.tui.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;

/** The volume endpoints of the Engine API ({@code /volumes*}), answered with Docker's field names. */
public final class Volumes {
    private final EngineConnection engine;

    Volumes(EngineConnection engine) {
        this.engine = engine;
    }

    /** {@code GET /volumes}: the answer's {@code Volumes} array; filters as key=value pairs. */
    public List<JsonNode> list(List<String> filters) {
        return Containers.elements(engine.get("/volumes" + Query.of().filters(filters)).path("Volumes"));
    }

    /** {@code POST /volumes/create}; an empty name lets the daemon pick one. Answers the volume. */
    public JsonNode create(String name, String driver, Map<String, String> driverOpts, Map<String, String> labels) {
        ObjectNode body = engine.json().createObjectNode();
        body.put("Name", name == null ? "" : name);
        body.put("Driver", driver);
        ObjectNode opts = body.putObject("DriverOpts");
        driverOpts.forEach(opts::put);
        ObjectNode l = body.putObject("Labels");
        labels.forEach(l::put);
        return engine.post("/volumes/create", body);
    }

    public JsonNode inspect(String name) {
        return engine.get("/volumes/" + Containers.enc(name));
    }

    /** {@code DELETE /volumes/{name}}; {@code force} also answers success for a volume that is not there. */
    public void remove(String name, boolean force) {
        engine.delete("/volumes/" + Containers.enc(name) + Query.of().add("force", force));
    }

    /** {@code POST /volumes/prune}: {"VolumesDeleted": [...], "SpaceReclaimed": n}. */
    public JsonNode prune(List<String> filters) {
        return engine.post("/volumes/prune" + Query.of().filters(filters), null);
    }
}
