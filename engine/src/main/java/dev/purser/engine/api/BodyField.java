package dev.purser.engine.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Set;

/**
 * One field of a Docker request body: its JSON type, whether purser applies it, and the check
 * its value must pass. A refused field passes only with its default (the value a client sends
 * when the user did not ask for it); an applied field may still refuse some values
 * ({@code NetworkMode container:web}).
 *
 * @param nested the fields of the object this field holds, when it is a struct of its own
 */
record BodyField(String name, JsonType type, boolean applied, Admission admission, BodySchema nested) {

    /** Decides whether a value is one purser applies; throws the refusal otherwise. */
    @FunctionalInterface
    interface Admission {
        /** @param label the field's name in messages ({@code HostConfig.Binds}) */
        void admit(String label, JsonNode value);
    }

    static BodyField applied(String name, JsonType type) {
        return new BodyField(name, type, true, (label, value) -> { }, null);
    }

    static BodyField applied(String name, JsonType type, Admission admission) {
        return new BodyField(name, type, true, admission, null);
    }

    /** An applied string field of which only these values are applied (plus null and ""). */
    static BodyField appliedValues(String name, String... values) {
        Set<String> accepted = Set.of(values);
        return applied(name, JsonType.STRING, (label, value) -> {
            if (!isZero(JsonType.STRING, value) && !accepted.contains(value.asText())) {
                throw unsupported(label + " " + value.asText());
            }
        });
    }

    static BodyField nested(String name, BodySchema fields) {
        return new BodyField(name, JsonType.OBJECT, true, (label, value) -> { }, fields);
    }

    /**
     * A field purser does not apply: refused unless it holds its type's zero value (null, "",
     * 0, false, an empty list or map) or one of {@code otherDefaults}.
     */
    static BodyField refused(String name, JsonType type, Object... otherDefaults) {
        List<Object> defaults = List.of(otherDefaults);
        return new BodyField(name, type, false, (label, value) -> {
            if (!isZero(type, value) && defaults.stream().noneMatch(d -> sameValue(value, d))) {
                throw unsupported(label);
            }
        }, null);
    }

    /**
     * A refused field whose zero value means something: only null and {@code otherDefaults} are
     * its defaults ({@code MaskedPaths: []} masks nothing; {@code MemorySwappiness: 0} never swaps).
     */
    static BodyField refusedUnlessNull(String name, JsonType type, Object... otherDefaults) {
        List<Object> defaults = List.of(otherDefaults);
        return new BodyField(name, type, false, (label, value) -> {
            if (value != null && !value.isNull() && defaults.stream().noneMatch(d -> sameValue(value, d))) {
                throw unsupported(label);
            }
        }, null);
    }

    static ApiException unsupported(String what) {
        return ApiException.badRequest("purser does not support " + what + " yet");
    }

    /** The zero value of Go's type: what a client sends for a field nobody asked for. */
    static boolean isZero(JsonType type, JsonNode value) {
        if (type == JsonType.OBJECT && value != null && value.isObject()) {
            for (JsonNode field : value) {
                if (!isZero(field)) {
                    return false;
                }
            }
            return true;
        }
        return isZero(value);
    }

    private static boolean isZero(JsonNode value) {
        if (value == null || value.isNull()) {
            return true;
        }
        if (value.isTextual()) {
            return value.asText().isEmpty();
        }
        if (value.isBoolean()) {
            return !value.asBoolean();
        }
        if (value.isNumber()) {
            return value.asDouble() == 0;
        }
        return value.isContainerNode() && value.isEmpty();
    }

    private static boolean sameValue(JsonNode value, Object d) {
        if (d instanceof Number n) {
            return value.isIntegralNumber() && value.asLong() == n.longValue();
        }
        return value.isTextual() && value.asText().equals(d);
    }
}
