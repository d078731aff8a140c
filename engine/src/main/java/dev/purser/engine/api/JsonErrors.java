package dev.purser.engine.api;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import java.util.stream.Collectors;

/** One-line messages for bad JSON bodies, in the spirit of Go's encoding/json errors that Docker returns. */
final class JsonErrors {
    private JsonErrors() {}

    static String describe(JsonProcessingException e) {
        if (e instanceof JsonParseException p) {
            return "invalid JSON: " + p.getOriginalMessage().lines().findFirst().orElse("malformed");
        }
        if (e instanceof MismatchedInputException m && !m.getPath().isEmpty()) {
            String field = m.getPath().stream()
                    .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                    .collect(Collectors.joining("."));
            String type = m.getTargetType() == null ? "the expected type" : m.getTargetType().getSimpleName();
            return "json: cannot unmarshal into field " + field + " of type " + type;
        }
        if (e instanceof ValueInstantiationException v && v.getCause() != null) {
            // a record refused the value: its own message says which and why
            return v.getCause().getMessage();
        }
        if (e instanceof JsonMappingException m) {
            return "invalid JSON: " + m.getOriginalMessage().lines().findFirst().orElse("malformed");
        }
        return "invalid JSON: " + e.getOriginalMessage();
    }
}
