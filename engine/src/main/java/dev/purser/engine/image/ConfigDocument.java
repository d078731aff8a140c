package dev.purser.engine.image;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads and writes image config blobs (the JSON whose digest is the image id). The blob itself
 * is kept byte for byte; this class only pulls out what the store needs, so fields it does not
 * know survive a load/save round trip and the id never changes.
 */
final class ConfigDocument {
    private ConfigDocument() {}

    static JsonNode parse(byte[] blob) throws InvalidArchiveException {
        try {
            JsonNode node = ImageJson.MAPPER.readTree(blob);
            if (node == null || !node.isObject()) {
                throw new InvalidArchiveException("invalid image config: not a JSON object");
            }
            return node;
        } catch (InvalidArchiveException e) {
            throw e;
        } catch (IOException e) {
            throw new InvalidArchiveException("invalid image config: " + e.getMessage(), e);
        }
    }

    static List<Digest> diffIds(JsonNode config) throws InvalidArchiveException {
        JsonNode ids = config.path("rootfs").path("diff_ids");
        if (!ids.isArray()) {
            throw new InvalidArchiveException("invalid image config: no rootfs.diff_ids");
        }
        List<Digest> out = new ArrayList<>();
        for (JsonNode id : ids) {
            try {
                out.add(Digest.parse(id.asText()));
            } catch (IllegalArgumentException e) {
                throw new InvalidArchiveException("invalid image config: diff id " + id.asText());
            }
        }
        return out;
    }

    static Image toImage(Digest id, JsonNode config, List<String> repoTags, long size) throws InvalidArchiveException {
        try {
            ImageConfig runtime = config.hasNonNull("config")
                    ? ImageJson.MAPPER.treeToValue(config.get("config"), ImageConfig.class)
                    : ImageConfig.EMPTY;
            List<HistoryEntry> history = new ArrayList<>();
            for (JsonNode h : config.path("history")) {
                history.add(ImageJson.MAPPER.treeToValue(h, HistoryEntry.class));
            }
            return new Image(id.toString(), repoTags, ImageJson.parseTime(text(config, "created")), size, runtime,
                    diffIds(config).stream().map(Digest::toString).toList(), history,
                    text(config, "os"), text(config, "architecture"), text(config, "author"), text(config, "comment"));
        } catch (IOException e) {
            throw new InvalidArchiveException("invalid image config: " + e.getMessage(), e);
        }
    }

    /** The config {@code docker import} writes: one layer, one history entry, the runtime defaults. */
    static byte[] forImport(ImageConfig runtime, Digest diffId, Instant created, String comment) {
        ObjectNode doc = ImageJson.MAPPER.createObjectNode();
        doc.put("architecture", goArchitecture());
        if (comment != null && !comment.isEmpty()) {
            doc.put("comment", comment);
        }
        doc.set("config", ImageJson.MAPPER.valueToTree(runtime));
        doc.put("created", created.toString());
        ArrayNode history = doc.putArray("history");
        ObjectNode step = history.addObject();
        step.put("created", created.toString());
        step.put("comment", comment == null || comment.isEmpty() ? "Imported from -" : comment);
        doc.put("os", "linux");
        ObjectNode rootfs = doc.putObject("rootfs");
        rootfs.put("type", "layers");
        rootfs.putArray("diff_ids").add(diffId.toString());
        try {
            return ImageJson.MAPPER.writeValueAsBytes(doc);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Go's GOARCH names, which image configs use. */
    static String goArchitecture() {
        String arch = System.getProperty("os.arch");
        return switch (arch) {
            case "amd64", "x86_64" -> "amd64";
            case "aarch64" -> "arm64";
            case "x86", "i386" -> "386";
            default -> arch;
        };
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }
}
