package dev.purser.engine.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The fields of one object of a Docker request body ({@code ContainerConfig}, {@code HostConfig},
 * an exec's config...), and the reading of such an object: field names matched without regard
 * to case as Go matches them, every known field's type checked, then every field's value
 * admitted or refused. Fields Docker does not know are left out, as Docker ignores them.
 *
 * @param label  what messages call these fields ({@code HostConfig.}, or {@code Config.})
 * @param goPath what Go's decoding errors call them ({@code ContainerConfigWrapper.HostConfig.})
 */
record BodySchema(String label, String goPath, Map<String, BodyField> byLowerName) {

    static BodySchema of(String label, String goPath, BodyField... fields) {
        Map<String, BodyField> byName = new LinkedHashMap<>();
        for (BodyField f : fields) {
            if (byName.put(f.name().toLowerCase(Locale.ROOT), f) != null) {
                throw new IllegalArgumentException("field " + f.name() + " listed twice");
            }
        }
        return new BodySchema(label, goPath, Map.copyOf(byName));
    }

    /** The same fields where they sit under another name ({@code NetworkingConfig.EndpointsConfig.default.}). */
    BodySchema withLabel(String label, String goPath) {
        return new BodySchema(label, goPath, byLowerName);
    }

    Collection<BodyField> fields() {
        return byLowerName.values();
    }

    BodyField field(String name) {
        return byLowerName.get(name.toLowerCase(Locale.ROOT));
    }

    /**
     * The body with Docker's spelling of every known field, once every type is right and every
     * value is one purser applies; a 400 (or a 404 for an unknown network) naming the field otherwise.
     */
    ObjectNode read(JsonNode body) {
        if (body == null || body.isNull() || body.isMissingNode()) {
            return JsonNodeFactory.instance.objectNode();
        }
        if (!body.isObject()) {
            throw ApiException.badRequest("invalid JSON: the request body must be an object");
        }
        ObjectNode canonical = canonical(body);
        checkTypes(canonical);
        admit(canonical);
        return canonical;
    }

    private ObjectNode canonical(JsonNode body) {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        for (Iterator<Map.Entry<String, JsonNode>> it = body.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            BodyField f = field(e.getKey());
            if (f == null) {
                continue;
            }
            JsonNode value = e.getValue();
            if (f.type() == JsonType.COMMAND && value.isTextual()) {
                // Docker's StrSlice: one string is a command of one word
                value = JsonNodeFactory.instance.arrayNode().add(value);
            }
            out.set(f.name(), f.nested() != null && value.isObject() ? f.nested().canonical(value) : value);
        }
        return out;
    }

    /** Go decodes the whole body before anything looks at it: a type error anywhere comes first. */
    private void checkTypes(ObjectNode body) {
        for (Iterator<Map.Entry<String, JsonNode>> it = body.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            BodyField f = field(e.getKey());
            String mismatch = f.type().mismatch(e.getValue(), goPath + f.name());
            if (mismatch != null) {
                throw ApiException.badRequest(mismatch);
            }
            if (f.nested() != null && e.getValue().isObject()) {
                f.nested().checkTypes((ObjectNode) e.getValue());
            }
        }
    }

    /** Nested objects first: {@code -p 80:80} is refused as HostConfig.PortBindings, what the user asked for. */
    private void admit(ObjectNode body) {
        for (Iterator<Map.Entry<String, JsonNode>> it = body.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            BodyField f = field(e.getKey());
            if (f.nested() != null && e.getValue().isObject()) {
                f.nested().admit((ObjectNode) e.getValue());
            }
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = body.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            field(e.getKey()).admission().admit(label + e.getKey(), e.getValue());
        }
    }
}
