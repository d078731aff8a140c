package dev.purser.tui.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
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
        ObjectNode body = JsonNodeFactory.instance.objectNode();
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

    /** The API version where prune started to spare named volumes unless {@code all=true}. */
    public static final String ANONYMOUS_PRUNE_API = "1.42";

    /** The daemon's API version, as {@code /version} reports it ("1.47"; Debian's dockerd 20.10: "1.41"). */
    public String daemonApiVersion() {
        return engine.get("/version").path("ApiVersion").asText(EngineConnection.API_VERSION);
    }

    /** Whether a daemon of this API version can prune sparing named volumes (docker CLI's test). */
    public static boolean prunesAnonymousOnly(String daemonApiVersion) {
        return compareVersions(daemonApiVersion, ANONYMOUS_PRUNE_API) >= 0;
    }

    /**
     * {@code POST /volumes/prune}: {"VolumesDeleted": [...], "SpaceReclaimed": n}. With
     * {@code anonymousOnly} it is sent at API 1.42 (unused anonymous volumes, every unused one
     * with the {@code all=true} filter); without, at 1.41, where every unused volume goes.
     */
    public JsonNode prune(List<String> filters, boolean anonymousOnly) {
        return engine.jsonAt(anonymousOnly ? ANONYMOUS_PRUNE_API : EngineConnection.API_VERSION, "POST",
                "/volumes/prune" + Query.of().filters(filters), null);
    }

    /** "1.41" against "1.42" by number, part by part. */
    static int compareVersions(String a, String b) {
        String[] x = a.split("\\.");
        String[] y = b.split("\\.");
        for (int i = 0; i < Math.max(x.length, y.length); i++) {
            int c = Integer.compare(i < x.length ? parse(x[i]) : 0, i < y.length ? parse(y[i]) : 0);
            if (c != 0) return c;
        }
        return 0;
    }

    private static int parse(String part) {
        try {
            return Integer.parseInt(part);
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
