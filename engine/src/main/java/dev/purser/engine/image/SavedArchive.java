package dev.purser.engine.image;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * A {@code docker save} tarball, read into the staging area. Its files come in any order
 * (Docker writes blobs before manifest.json), so they are spooled first, each under a
 * generated name: an entry's name is only a key here and never becomes a path, so a hostile
 * name cannot place a file anywhere.
 *
 * <p>Both forms are understood: legacy ({@code manifest.json} naming a config and layer tars)
 * and OCI layout ({@code index.json} and {@code blobs/sha256/}). When both are present, as in
 * Docker 25 and later, manifest.json wins, as it does in Docker's own loader.
 */
final class SavedArchive {
    /** One image the archive holds: its config, its layer files bottom first, and its tags. */
    record Entry(byte[] config, List<String> layerFiles, List<String> tags) {}

    private final Map<String, Path> files = new HashMap<>();
    /** Entries that are links to other entries: docker save writes a layer shared by two images once, and links the second. */
    private final Map<String, String> links = new HashMap<>();

    private SavedArchive() {}

    static SavedArchive spool(InputStream tarball, Staging staging) throws IOException {
        SavedArchive archive = new SavedArchive();
        try {
            TarArchiveInputStream tar = new TarArchiveInputStream(Decompression.open(tarball));
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                String key = String.join("/", LayerExtractor.cleanedPath(entry.getName()));
                if (entry.isSymbolicLink() || entry.isLink()) {
                    String target = entry.getLinkName();
                    if (entry.isSymbolicLink() && !target.startsWith("/")) {
                        int slash = key.lastIndexOf('/');
                        target = (slash < 0 ? "" : key.substring(0, slash + 1)) + target;
                    }
                    // cleaning refuses a target outside the archive
                    archive.links.put(key, String.join("/", LayerExtractor.cleanedPath(target)));
                    continue;
                }
                if (!entry.isFile()) {
                    continue; // directories carry nothing a loader needs
                }
                Path file = staging.scratch("archive");
                Files.copy(tar, file);
                archive.files.put(key, file);
            }
        } catch (InvalidArchiveException e) {
            throw e;
        } catch (IOException | IllegalArgumentException e) {
            throw new InvalidArchiveException("invalid tar file: " + e.getMessage(), e);
        }
        return archive;
    }

    List<Entry> entries() throws IOException {
        if (files.containsKey("manifest.json")) {
            return legacyEntries();
        }
        if (files.containsKey("index.json")) {
            return ociEntries();
        }
        throw new InvalidArchiveException("invalid image archive: it has neither manifest.json nor index.json");
    }

    InputStream open(String name) throws IOException {
        String resolved = name;
        for (int hops = 0; hops < 8 && !files.containsKey(resolved) && links.containsKey(resolved); hops++) {
            resolved = links.get(resolved);
        }
        Path file = files.get(resolved);
        if (file == null) {
            throw new InvalidArchiveException("invalid image archive: " + name + " is missing");
        }
        return Files.newInputStream(file);
    }

    private byte[] read(String name) throws IOException {
        try (InputStream in = open(name)) {
            return in.readAllBytes();
        }
    }

    private JsonNode json(String name) throws IOException {
        try {
            return ImageJson.MAPPER.readTree(read(name));
        } catch (com.fasterxml.jackson.core.JacksonException e) {
            throw new InvalidArchiveException("invalid image archive: " + name + ": " + e.getOriginalMessage(), e);
        }
    }

    private static String clean(String name) throws InvalidArchiveException {
        return String.join("/", LayerExtractor.cleanedPath(name));
    }

    private List<Entry> legacyEntries() throws IOException {
        JsonNode manifest = json("manifest.json");
        if (!manifest.isArray()) {
            throw new InvalidArchiveException("invalid image archive: manifest.json is not a list");
        }
        List<Entry> out = new ArrayList<>();
        for (JsonNode item : manifest) {
            byte[] config = read(clean(item.path("Config").asText()));
            List<String> layers = new ArrayList<>();
            for (JsonNode layer : item.path("Layers")) {
                layers.add(clean(layer.asText()));
            }
            List<String> tags = new ArrayList<>();
            for (JsonNode tag : item.path("RepoTags")) {
                tags.add(tag.asText());
            }
            out.add(new Entry(config, layers, tags));
        }
        return out;
    }

    private List<Entry> ociEntries() throws IOException {
        JsonNode index = json("index.json");
        List<Entry> out = new ArrayList<>();
        for (JsonNode descriptor : index.path("manifests")) {
            JsonNode manifestDescriptor = pickManifest(descriptor);
            JsonNode manifest = ImageJson.MAPPER.readTree(verifiedBlob(manifestDescriptor.path("digest").asText()));
            byte[] config = verifiedBlob(manifest.path("config").path("digest").asText());
            List<String> layers = new ArrayList<>();
            for (JsonNode layer : manifest.path("layers")) {
                String name = blobName(layer.path("digest").asText());
                verifyBlob(name, layer.path("digest").asText());
                layers.add(name);
            }
            List<String> tags = new ArrayList<>();
            String tag = tagOf(descriptor.path("annotations"));
            if (tag != null) {
                tags.add(tag);
            }
            out.add(new Entry(config, layers, tags));
        }
        return out;
    }

    /** A multi-platform index: take this machine's platform, as Docker does. */
    private JsonNode pickManifest(JsonNode descriptor) throws IOException {
        String mediaType = descriptor.path("mediaType").asText();
        if (!mediaType.endsWith("image.index.v1+json") && !mediaType.endsWith("manifest.list.v2+json")) {
            return descriptor;
        }
        JsonNode nested = ImageJson.MAPPER.readTree(verifiedBlob(descriptor.path("digest").asText()));
        JsonNode first = null;
        for (JsonNode m : nested.path("manifests")) {
            JsonNode platform = m.path("platform");
            if ("linux".equals(platform.path("os").asText())
                    && ConfigDocument.goArchitecture().equals(platform.path("architecture").asText())) {
                return pickManifest(m);
            }
            if (first == null) {
                first = m;
            }
        }
        if (first == null) {
            throw new InvalidArchiveException("invalid image archive: empty image index " + descriptor.path("digest").asText());
        }
        return pickManifest(first);
    }

    /** The tag an OCI index entry names: containerd's full name, else a ref.name that is a full reference. */
    private static String tagOf(JsonNode annotations) {
        String full = annotations.path("io.containerd.image.name").asText(null);
        if (full != null) {
            return full;
        }
        String ref = annotations.path("org.opencontainers.image.ref.name").asText(null);
        return ref != null && (ref.contains("/") || ref.contains(":")) ? ref : null;
    }

    private static String blobName(String digest) throws InvalidArchiveException {
        try {
            return "blobs/sha256/" + Digest.parse(digest).hex();
        } catch (IllegalArgumentException e) {
            throw new InvalidArchiveException("invalid image archive: bad digest " + digest);
        }
    }

    private byte[] verifiedBlob(String digest) throws IOException {
        byte[] content = read(blobName(digest));
        if (!Digest.of(content).toString().equals(digest)) {
            throw new InvalidArchiveException("invalid image archive: blob " + digest + " does not match its digest");
        }
        return content;
    }

    private void verifyBlob(String name, String digest) throws IOException {
        try (DigestInputStream in = new DigestInputStream(open(name), Digest.sha256())) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
            if (!Digest.of(in.getMessageDigest()).toString().equals(digest)) {
                throw new InvalidArchiveException("invalid image archive: blob " + digest + " does not match its digest");
            }
        }
    }
}
