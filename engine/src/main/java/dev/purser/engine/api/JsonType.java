package dev.purser.engine.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Map;

/**
 * The JSON type a field of a Docker request body has, as Go's encoding/json decodes it into
 * moby's structs: a value of another type is a 400 with Go's wording, before anything is created.
 * Unlike Go, a null element of a list or map is refused too: Go would turn it into an empty
 * string, which no command, variable or label means (docs/decisions/0010).
 */
enum JsonType {
    STRING("string", "string"),
    BOOLEAN("boolean", "bool"),
    INTEGER("integer", "int64"),
    /** A list of strings. */
    STRINGS("array", "string"),
    /** Docker's StrSlice (Cmd, Entrypoint, Shell): a list of strings, or one string. */
    COMMAND("array", "string"),
    INTEGERS("array", "int"),
    /** A map of strings to strings (Labels, Sysctls, log options). */
    STRING_MAP("object", "string"),
    /** A list of objects (Devices, Mounts, Ulimits): checked as a list only. */
    OBJECTS("array", "struct"),
    /** A map of names to structs (ExposedPorts, PortBindings): any key means something. */
    MAP("object", "map"),
    /** A struct (RestartPolicy, Healthcheck): it means nothing when every field is zero. */
    OBJECT("object", "struct");

    private final String specType;
    private final String goType;

    JsonType(String specType, String goType) {
        this.specType = specType;
        this.goType = goType;
    }

    /** The {@code type} the Engine API's swagger gives such a field. */
    String specType() {
        return specType;
    }

    /**
     * Null when {@code value} has this type, else Go's message for it ({@code json: cannot
     * unmarshal number into Go struct field ContainerConfigWrapper.Cmd of type string}).
     */
    String mismatch(JsonNode value, String goField) {
        if (value == null || value.isNull()) {
            return null;
        }
        return switch (this) {
            case STRING -> value.isTextual() ? null : error(value, goField, goType);
            case BOOLEAN -> value.isBoolean() ? null : error(value, goField, goType);
            case INTEGER -> value.isIntegralNumber() && value.canConvertToLong() ? null : error(value, goField, goType);
            case STRINGS -> elements(value, goField, false);
            case COMMAND -> value.isTextual() ? null : elements(value, goField, false);
            case INTEGERS -> elements(value, goField, true);
            case STRING_MAP -> values(value, goField);
            case OBJECTS -> value.isArray() ? null : error(value, goField, "[]" + goType);
            case MAP, OBJECT -> value.isObject() ? null : error(value, goField, goType);
        };
    }

    private String elements(JsonNode value, String goField, boolean integers) {
        if (!value.isArray()) {
            return error(value, goField, "[]" + goType);
        }
        for (JsonNode e : value) {
            boolean ok = integers ? e.isIntegralNumber() && e.canConvertToInt() : e.isTextual();
            if (!ok) {
                return error(e, goField, goType);
            }
        }
        return null;
    }

    private String values(JsonNode value, String goField) {
        if (!value.isObject()) {
            return error(value, goField, "map[string]string");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
            JsonNode e = it.next().getValue();
            if (!e.isTextual()) {
                return error(e, goField, goType);
            }
        }
        return null;
    }

    private static String error(JsonNode value, String goField, String goType) {
        return "json: cannot unmarshal " + kind(value) + " into Go struct field " + goField + " of type " + goType;
    }

    /** Go's name for what it found: {@code number 1.5} when a fraction meets an integer. */
    static String kind(JsonNode value) {
        if (value.isNull()) {
            return "null";
        }
        if (value.isTextual()) {
            return "string";
        }
        if (value.isBoolean()) {
            return "bool";
        }
        if (value.isNumber()) {
            return value.isIntegralNumber() ? "number" : "number " + value.asText();
        }
        return value.isArray() ? "array" : "object";
    }
}
