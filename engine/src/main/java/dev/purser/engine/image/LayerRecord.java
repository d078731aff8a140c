package dev.purser.engine.image;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.purser.engine.store.AtomicFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * {@code layers/<chain-id>/layer.json}: what an unpacked layer is, so its size need not be
 * recomputed by walking the tree. Written before the layer directory is moved into place.
 */
record LayerRecord(
        @JsonProperty("chainId") String chainId,
        @JsonProperty("diffId") String diffId,
        @JsonProperty("parent") String parent,
        @JsonProperty("size") long size) {
    static final String FILE = "layer.json";

    static LayerRecord read(Path layerDir) {
        try {
            return ImageJson.MAPPER.readValue(layerDir.resolve(FILE).toFile(), LayerRecord.class);
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + layerDir.resolve(FILE) + ": " + e.getMessage(), e);
        }
    }

    void write(Path layerDir) {
        try {
            AtomicFile.write(layerDir.resolve(FILE), ImageJson.MAPPER.writeValueAsBytes(this));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
