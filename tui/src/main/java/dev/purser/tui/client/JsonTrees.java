package dev.purser.tui.client;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.PrettyPrinter;
import com.fasterxml.jackson.core.util.Instantiatable;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.Iterator;
import java.util.Map;
import java.util.function.Consumer;

/**
 * JSON text to Jackson trees and back through Jackson's streaming parser and generator, without
 * an {@link ObjectMapper}: creating the first mapper costs a short command some 25 ms of CPU on
 * its own thread (its date format wakes the locale and time-zone data) and its tree
 * deserializers another 20-40 ms with the compiler's work, where the streaming reader below
 * costs about 10 (docs/decisions/0053). The trees are the ones {@code ObjectMapper.readTree}
 * makes (an int that fits stays an {@code IntNode}, floats are doubles) and the text is the one
 * its writer writes, so callers see no difference.
 */
public final class JsonTrees {
    private static final JsonFactory FACTORY = new JsonFactory();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private JsonTrees() {}

    /** The tree of one JSON value; a text with no value at all is a missing node, as readTree gives. */
    public static JsonNode read(byte[] json) throws IOException {
        try (JsonParser p = FACTORY.createParser(json)) {
            if (p.nextToken() == null) return NODES.missingNode();
            return value(p);
        }
    }

    /** The same from a string. */
    public static JsonNode read(String json) throws IOException {
        try (JsonParser p = FACTORY.createParser(json)) {
            if (p.nextToken() == null) return NODES.missingNode();
            return value(p);
        }
    }

    /**
     * The first JSON value of a stream (a wait's answer), without reading to the stream's end; a
     * stream that ends before any value is a missing node. Leaves {@code in} open.
     */
    public static JsonNode readFirst(InputStream in) throws IOException {
        try (JsonParser p = FACTORY.createParser(in)) {
            p.disable(JsonParser.Feature.AUTO_CLOSE_SOURCE);
            if (p.nextToken() == null) return NODES.missingNode();
            return value(p);
        }
    }

    /**
     * Hands each JSON value of a stream of them (events, progress messages) to {@code action} as
     * it arrives; leaves {@code in} open.
     */
    public static void forEach(InputStream in, Consumer<JsonNode> action) throws IOException {
        try (JsonParser p = FACTORY.createParser(in)) {
            p.disable(JsonParser.Feature.AUTO_CLOSE_SOURCE);
            while (p.nextToken() != null) action.accept(value(p));
        }
    }

    private static JsonNode value(JsonParser p) throws IOException {
        JsonToken token = p.currentToken();
        switch (token) {
            case START_OBJECT: {
                ObjectNode object = NODES.objectNode();
                for (JsonToken t = p.nextToken(); t == JsonToken.FIELD_NAME; t = p.nextToken()) {
                    String name = p.currentName();
                    p.nextToken();
                    object.replace(name, value(p));
                }
                return object;
            }
            case START_ARRAY: {
                ArrayNode array = NODES.arrayNode();
                while (p.nextToken() != JsonToken.END_ARRAY) array.add(value(p));
                return array;
            }
            case VALUE_STRING:
                return NODES.textNode(p.getText());
            case VALUE_NUMBER_INT:
                switch (p.getNumberType()) {
                    case INT: return NODES.numberNode(p.getIntValue());
                    case LONG: return NODES.numberNode(p.getLongValue());
                    default: return NODES.numberNode(p.getBigIntegerValue());
                }
            case VALUE_NUMBER_FLOAT:
                return NODES.numberNode(p.getDoubleValue());
            case VALUE_TRUE:
                return NODES.booleanNode(true);
            case VALUE_FALSE:
                return NODES.booleanNode(false);
            case VALUE_NULL:
                return NODES.nullNode();
            default:
                throw new IOException("unexpected JSON token " + token);
        }
    }

    /** Compact JSON bytes (UTF-8) of {@code node}, as {@code ObjectMapper.writeValueAsBytes} writes them. */
    public static byte[] bytes(JsonNode node) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            write(g, node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** Compact JSON text of {@code node}. */
    public static String text(JsonNode node) {
        return text(node, null);
    }

    /** JSON text of {@code node} laid out by {@code printer} (a fresh instance of it, as an ObjectWriter takes), or compact when null. */
    public static String text(JsonNode node, PrettyPrinter printer) {
        StringWriter out = new StringWriter(256);
        write(out, node, printer);
        return out.toString();
    }

    private static void write(Writer out, JsonNode node, PrettyPrinter printer) {
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            if (printer != null) {
                g.setPrettyPrinter(printer instanceof Instantiatable<?> i ? (PrettyPrinter) i.createInstance() : printer);
            }
            write(g, node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(JsonGenerator g, JsonNode node) throws IOException {
        switch (node.getNodeType()) {
            case OBJECT -> {
                g.writeStartObject();
                for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> field = it.next();
                    g.writeFieldName(field.getKey());
                    write(g, field.getValue());
                }
                g.writeEndObject();
            }
            case ARRAY -> {
                g.writeStartArray();
                for (JsonNode element : node) write(g, element);
                g.writeEndArray();
            }
            case STRING -> g.writeString(node.textValue());
            case BOOLEAN -> g.writeBoolean(node.booleanValue());
            case NULL -> g.writeNull();
            case NUMBER -> number(g, node);
            case BINARY -> g.writeBinary(node.binaryValue());
            // POJO and missing nodes only come from code that put them there: the mapper writes those
            default -> MapperHolder.MAPPER.writeTree(g, node);
        }
    }

    private static void number(JsonGenerator g, JsonNode node) throws IOException {
        switch (node.numberType()) {
            case INT -> g.writeNumber(node.intValue());
            case LONG -> g.writeNumber(node.longValue());
            case BIG_INTEGER -> g.writeNumber(node.bigIntegerValue());
            case FLOAT -> g.writeNumber(node.floatValue());
            case BIG_DECIMAL -> g.writeNumber(node.decimalValue());
            default -> g.writeNumber(node.doubleValue());
        }
    }

    /** Made only for the node kinds no parsed tree has. */
    private static final class MapperHolder {
        static final ObjectMapper MAPPER = new ObjectMapper();
    }
}
