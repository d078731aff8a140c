package dev.purser.engine.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.purser.engine.container.DockerJson;
import dev.purser.engine.volume.PruneReport;
import dev.purser.engine.volume.Volume;
import dev.purser.engine.volume.VolumeFilter;
import dev.purser.engine.volume.Volumes;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** The {@code /volumes} endpoints: HTTP to {@link Volumes} and back; the rules are the engine's. */
final class VolumeApi {
    /** The create body's fields (Docker's VolumeCreateOptions); ClusterVolumeSpec is swarm's, refused. */
    private static final Set<String> CREATE_FIELDS = Set.of("name", "driver", "driveropts", "labels");

    private final Volumes volumes;
    private final ObjectMapper json = DockerJson.mapper();

    VolumeApi(Volumes volumes) {
        this.volumes = volumes;
    }

    void register(Router router) {
        router.add("GET", "/volumes", this::list)
                .add("POST", "/volumes/create", this::create)
                .add("POST", "/volumes/prune", this::prune)
                .add("GET", "/volumes/{name}", x -> x.json(200, volumes.get(x.param("name"))))
                .add("DELETE", "/volumes/{name}", x -> {
                    volumes.remove(x.param("name"), x.queryBool("force", false));
                    x.status(204);
                });
    }

    private void list(Exchange x) {
        VolumeFilter filter = filter(() -> VolumeFilter.forList(FilterQuery.parse(x.query("filters"))));
        ObjectNode out = json.createObjectNode();
        out.set("Volumes", json.valueToTree(volumes.list(filter)));
        out.putNull("Warnings");
        x.json(200, out);
    }

    private void create(Exchange x) {
        JsonNode body = x.bodyJson(JsonNode.class);
        if (body != null && !body.isNull() && !body.isObject()) {
            throw ApiException.badRequest("invalid JSON: the request body must be an object");
        }
        Map<String, JsonNode> fields = new LinkedHashMap<>();
        if (body != null && body.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = body.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                String key = e.getKey().toLowerCase(java.util.Locale.ROOT);
                if (key.equals("clustervolumespec") && !e.getValue().isNull()) {
                    throw BodyField.unsupported("cluster volumes (ClusterVolumeSpec)");
                }
                if (CREATE_FIELDS.contains(key)) {
                    fields.put(key, e.getValue());
                }
            }
        }
        String name = text(fields.get("name"), "Name");
        String driver = text(fields.get("driver"), "Driver");
        Volume v = volumes.create(name, driver, map(fields.get("driveropts"), "DriverOpts"), map(fields.get("labels"), "Labels"));
        x.json(201, v);
    }

    private void prune(Exchange x) {
        // clients before API 1.42 pruned every unused volume, named ones too
        boolean every = Versions.compare(x.apiVersion(), "1.42") < 0;
        VolumeFilter filter = filter(() -> VolumeFilter.forPrune(FilterQuery.parse(x.query("filters")), every));
        PruneReport r = volumes.prune(filter);
        ObjectNode out = json.createObjectNode();
        out.set("VolumesDeleted", json.valueToTree(r.volumesDeleted()));
        out.put("SpaceReclaimed", r.spaceReclaimed());
        x.json(200, out);
    }

    private static VolumeFilter filter(java.util.function.Supplier<VolumeFilter> reading) {
        try {
            return reading.get();
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(e.getMessage());
        }
    }

    private static String text(JsonNode v, String field) {
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isTextual()) {
            throw ApiException.badRequest("json: cannot unmarshal " + JsonType.kind(v) + " into Go struct field"
                    + " CreateOptions." + field + " of type string");
        }
        return v.asText();
    }

    private static Map<String, String> map(JsonNode v, String field) {
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isObject()) {
            throw ApiException.badRequest("json: cannot unmarshal " + JsonType.kind(v) + " into Go struct field"
                    + " CreateOptions." + field + " of type map[string]string");
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = v.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!e.getValue().isTextual()) {
                throw ApiException.badRequest("json: cannot unmarshal " + JsonType.kind(e.getValue())
                        + " into Go struct field CreateOptions." + field + " of type string");
            }
            out.put(e.getKey(), e.getValue().asText());
        }
        return out;
    }
}
