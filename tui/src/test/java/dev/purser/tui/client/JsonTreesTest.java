package dev.purser.tui.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The streaming reader and writer give the trees and the text an ObjectMapper gives. */
class JsonTreesTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    /** Every kind of value the Engine API sends, numbers at each size, escapes, nesting and empties. */
    private static final String SAMPLE = "{\"Id\":\"abc\",\"Created\":1733050000,\"Size\":12345678901,"
            + "\"Huge\":123456789012345678901234567890,\"Ratio\":0.25,\"Exp\":1e3,\"Neg\":-7,"
            + "\"Ok\":true,\"No\":false,\"Nothing\":null,\"Text\":\"tab\\there \\\"quoted\\\" \\u00e9 \\u2603 </script>\","
            + "\"Empty\":{},\"None\":[],\"Labels\":{\"a\":\"1\",\"b\":\"2\"},"
            + "\"Ports\":[{\"PrivatePort\":80,\"Type\":\"tcp\"},{\"IP\":\"::\",\"PublicPort\":8080}],"
            + "\"Dup\":1,\"Nested\":[[1,[2,[3]]],{\"x\":{\"y\":{}}}],\"Dup\":2}";

    @Test
    void readsTheTreeAnObjectMapperReads() throws IOException {
        JsonNode ours = JsonTrees.read(SAMPLE.getBytes(StandardCharsets.UTF_8));
        JsonNode theirs = MAPPER.readTree(SAMPLE);
        assertThat(ours).isEqualTo(theirs);
        assertThat(nodeClasses(ours)).isEqualTo(nodeClasses(theirs));
    }

    @Test
    void readsAStringAsItReadsBytes() throws IOException {
        assertThat(JsonTrees.read(SAMPLE)).isEqualTo(JsonTrees.read(SAMPLE.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void emptyTextIsAMissingNode() throws IOException {
        assertThat(JsonTrees.read("").isMissingNode()).isTrue();
        assertThat(JsonTrees.read("   ").isMissingNode()).isEqualTo(MAPPER.readTree("   ").isMissingNode());
    }

    @Test
    void malformedJsonIsAnIOException() {
        assertThatThrownBy(() -> JsonTrees.read("{\"a\":")).isInstanceOf(IOException.class);
        assertThatThrownBy(() -> JsonTrees.read("{\"a\" 1}")).isInstanceOf(IOException.class);
    }

    @Test
    void writesTheCompactTextAnObjectMapperWrites() throws IOException {
        JsonNode tree = MAPPER.readTree(SAMPLE);
        assertThat(JsonTrees.text(tree)).isEqualTo(MAPPER.writeValueAsString(tree));
        assertThat(JsonTrees.bytes(tree)).isEqualTo(MAPPER.writeValueAsBytes(tree));
    }

    @Test
    void writesThePrettyTextAnObjectWriterWritesWithTheSamePrinter() throws IOException {
        JsonNode tree = MAPPER.readTree("[" + SAMPLE + "," + SAMPLE + "]");
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter();
        DefaultIndenter indent = new DefaultIndenter("    ", "\n");
        printer.indentArraysWith(indent);
        printer.indentObjectsWith(indent);
        assertThat(JsonTrees.text(tree, printer)).isEqualTo(MAPPER.writer(printer).writeValueAsString(tree));
    }

    @Test
    void writesNodesThatNoParserMakesAsTheMapperDoes() throws IOException {
        var tree = MAPPER.createObjectNode();
        tree.putPOJO("list", List.of("a", "b"));
        tree.put("bytes", new byte[] {1, 2, 3});
        tree.put("short", (short) 3);
        tree.put("float", 1.5f);
        tree.put("decimal", new java.math.BigDecimal("1.50"));
        assertThat(JsonTrees.text(tree)).isEqualTo(MAPPER.writeValueAsString(tree));
    }

    @Test
    void handsOverEachValueOfAStreamAndLeavesItOpen() throws IOException {
        boolean[] closed = {false};
        var in = new ByteArrayInputStream("{\"status\":\"a\"}\n{\"status\":\"b\"} [1]".getBytes(StandardCharsets.UTF_8)) {
            @Override
            public void close() {
                closed[0] = true;
            }
        };
        List<JsonNode> seen = new ArrayList<>();
        JsonTrees.forEach(in, seen::add);
        assertThat(seen).containsExactly(MAPPER.readTree("{\"status\":\"a\"}"), MAPPER.readTree("{\"status\":\"b\"}"), MAPPER.readTree("[1]"));
        assertThat(closed[0]).isFalse();
    }

    private static List<String> nodeClasses(JsonNode node) {
        List<String> out = new ArrayList<>();
        out.add(node.getClass().getSimpleName());
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                out.add(e.getKey());
                out.addAll(nodeClasses(e.getValue()));
            }
        } else if (node.isArray()) {
            for (JsonNode n : node) out.addAll(nodeClasses(n));
        }
        return out;
    }
}
