package dev.purser.engine.image;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * Writes a {@code docker save} tarball in the shape Docker 25+ writes: the OCI layout
 * (oci-layout, index.json, blobs/sha256/ with manifests, configs and uncompressed layer tars)
 * plus the legacy manifest.json and repositories pointing into the same blobs, so Docker
 * releases before and after 25 both load it.
 */
final class SaveWriter {
    /** An image to save and the tags to save it under (none when it was named by id). */
    record Item(Image image, List<ImageReference> tags) {}

    private SaveWriter() {}

    static void write(List<Item> items, Path blobs, OutputStream out) throws IOException {
        TarArchiveOutputStream tar = new TarArchiveOutputStream(out);
        tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
        tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
        directory(tar, "blobs/");
        directory(tar, "blobs/sha256/");

        Set<String> written = new LinkedHashSet<>();
        ArrayNode legacyManifest = ImageJson.MAPPER.createArrayNode();
        Map<String, Map<String, String>> repositories = new LinkedHashMap<>();
        ArrayNode indexManifests = ImageJson.MAPPER.createArrayNode();

        for (Item item : items) {
            Image image = item.image();
            Digest configDigest = Digest.parse(image.id());
            Path configFile = blobs.resolve(configDigest.hex());
            blob(tar, configDigest, configFile, written);

            ObjectNode manifest = ImageJson.MAPPER.createObjectNode();
            manifest.put("schemaVersion", 2);
            manifest.put("mediaType", "application/vnd.oci.image.manifest.v1+json");
            ObjectNode config = manifest.putObject("config");
            config.put("mediaType", "application/vnd.oci.image.config.v1+json");
            config.put("digest", configDigest.toString());
            config.put("size", Files.size(configFile));
            ArrayNode layers = manifest.putArray("layers");
            List<String> layerPaths = new ArrayList<>();
            for (String diffId : image.diffIds()) {
                Digest d = Digest.parse(diffId);
                long size = LayerBlobs.tarSize(blobs, d);
                if (written.add(d.hex())) {
                    TarArchiveEntry entry = new TarArchiveEntry("blobs/sha256/" + d.hex());
                    entry.setSize(size);
                    entry.setMode(0644);
                    entry.setModTime(0);
                    tar.putArchiveEntry(entry);
                    try (InputStream in = LayerBlobs.open(blobs, d)) {
                        in.transferTo(tar);
                    }
                    tar.closeArchiveEntry();
                }
                ObjectNode layer = layers.addObject();
                layer.put("mediaType", "application/vnd.oci.image.layer.v1.tar");
                layer.put("digest", d.toString());
                layer.put("size", size);
                layerPaths.add("blobs/sha256/" + d.hex());
            }
            byte[] manifestBytes = ImageJson.MAPPER.writeValueAsBytes(manifest);
            Digest manifestDigest = Digest.of(manifestBytes);
            if (written.add(manifestDigest.hex())) {
                file(tar, "blobs/sha256/" + manifestDigest.hex(), manifestBytes);
            }

            ObjectNode legacy = legacyManifest.addObject();
            legacy.put("Config", "blobs/sha256/" + configDigest.hex());
            ArrayNode repoTags = legacy.putArray("RepoTags");
            ArrayNode legacyLayers = legacy.putArray("Layers");
            layerPaths.forEach(legacyLayers::add);

            String top = image.diffIds().isEmpty() ? "" : Digest.parse(image.diffIds().get(image.diffIds().size() - 1)).hex();
            List<ImageReference> tags = item.tags();
            for (ImageReference tag : tags) {
                repoTags.add(tag.familiar());
                repositories.computeIfAbsent(tag.familiarName(), k -> new LinkedHashMap<>()).put(tag.tag(), top);
                ObjectNode descriptor = descriptor(indexManifests, manifestDigest, manifestBytes.length, image);
                ObjectNode annotations = descriptor.putObject("annotations");
                annotations.put("io.containerd.image.name", tag.qualified());
                annotations.put("org.opencontainers.image.ref.name", tag.tag());
            }
            if (tags.isEmpty()) {
                descriptor(indexManifests, manifestDigest, manifestBytes.length, image);
            }
        }

        ObjectNode index = ImageJson.MAPPER.createObjectNode();
        index.put("schemaVersion", 2);
        index.put("mediaType", "application/vnd.oci.image.index.v1+json");
        index.set("manifests", indexManifests);
        file(tar, "index.json", ImageJson.MAPPER.writeValueAsBytes(index));
        file(tar, "manifest.json", (ImageJson.MAPPER.writeValueAsString(legacyManifest) + "\n").getBytes());
        file(tar, "oci-layout", "{\"imageLayoutVersion\": \"1.0.0\"}".getBytes());
        if (!repositories.isEmpty()) {
            file(tar, "repositories", (ImageJson.MAPPER.writeValueAsString(repositories) + "\n").getBytes());
        }
        tar.finish();
        tar.flush();
    }

    private static ObjectNode descriptor(ArrayNode manifests, Digest digest, long size, Image image) {
        ObjectNode d = manifests.addObject();
        d.put("mediaType", "application/vnd.oci.image.manifest.v1+json");
        d.put("digest", digest.toString());
        d.put("size", size);
        ObjectNode platform = d.putObject("platform");
        platform.put("architecture", image.architecture() == null ? ConfigDocument.goArchitecture() : image.architecture());
        platform.put("os", image.os() == null ? "linux" : image.os());
        return d;
    }

    private static void blob(TarArchiveOutputStream tar, Digest digest, Path file, Set<String> written) throws IOException {
        if (!written.add(digest.hex())) {
            return;
        }
        TarArchiveEntry entry = new TarArchiveEntry("blobs/sha256/" + digest.hex());
        entry.setSize(Files.size(file));
        entry.setMode(0644);
        entry.setModTime(0);
        tar.putArchiveEntry(entry);
        try (InputStream in = Files.newInputStream(file)) {
            in.transferTo(tar);
        }
        tar.closeArchiveEntry();
    }

    private static void file(TarArchiveOutputStream tar, String name, byte[] content) throws IOException {
        TarArchiveEntry entry = new TarArchiveEntry(name);
        entry.setSize(content.length);
        entry.setMode(0644);
        entry.setModTime(0);
        tar.putArchiveEntry(entry);
        tar.write(content);
        tar.closeArchiveEntry();
    }

    private static void directory(TarArchiveOutputStream tar, String name) throws IOException {
        TarArchiveEntry entry = new TarArchiveEntry(name);
        entry.setMode(040755);
        entry.setModTime(0);
        tar.putArchiveEntry(entry);
        tar.closeArchiveEntry();
    }
}
