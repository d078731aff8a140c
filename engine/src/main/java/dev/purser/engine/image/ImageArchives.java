package dev.purser.engine.image;

import com.fasterxml.jackson.databind.JsonNode;
import dev.purser.engine.store.StateRoot;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongConsumer;

/**
 * {@code docker load} and {@code docker save} archives. Reads and writes tarballs against an
 * {@link ImageIndex} it is handed and never keeps one: {@link ImageStore} owns the index and its
 * lock, so it decides what runs under the lock (merging a load, writing a save) and what outside
 * it (spooling and unpacking a load).
 */
final class ImageArchives {
    private final StateRoot root;

    ImageArchives(StateRoot root) {
        this.root = root;
    }

    /** A load's images merged into an index: the index to commit and what to tell the caller. */
    record Merged(ImageIndex index, LoadResult result) {}

    /**
     * Reads a {@code docker save} tarball (legacy or OCI layout or both; plain or gzip; layers
     * plain or gzip) into {@code staging}, checking every layer against its diff id. Nothing is in
     * the store until the caller commits the staging area.
     *
     * @return the images, each with the tags the archive gives it, in archive order
     * @throws InvalidArchiveException when anything in it is malformed or does not verify
     */
    Map<Image, List<ImageReference>> stage(InputStream tarball, LongConsumer progress, Staging staging) throws IOException {
        SavedArchive archive = SavedArchive.spool(new CountingInputStream(tarball, progress), staging);
        List<SavedArchive.Entry> entries = archive.entries();
        if (entries.isEmpty()) {
            throw new InvalidArchiveException("invalid image archive: it holds no images");
        }
        Map<Image, List<ImageReference>> loaded = new LinkedHashMap<>();
        for (SavedArchive.Entry entry : entries) {
            JsonNode config = ConfigDocument.parse(entry.config());
            List<Digest> diffIds = ConfigDocument.diffIds(config);
            if (diffIds.size() != entry.layerFiles().size()) {
                throw new InvalidArchiveException("invalid image archive: the config lists " + diffIds.size()
                        + " layers but the manifest " + entry.layerFiles().size());
            }
            List<Digest> chains = Digest.chainIds(diffIds);
            long size = 0;
            for (int i = 0; i < diffIds.size(); i++) {
                try (InputStream layer = archive.open(entry.layerFiles().get(i))) {
                    size += staging.putLayer(layer, diffIds.get(i), chains.get(i), i == 0 ? null : chains.get(i - 1)).size();
                }
            }
            List<ImageReference> tags = new ArrayList<>();
            for (String tag : entry.tags()) {
                try {
                    tags.add(ImageReference.parse(tag));
                } catch (IllegalArgumentException e) {
                    throw new InvalidArchiveException("invalid image archive: bad tag \"" + tag + "\": " + e.getMessage());
                }
            }
            Digest id = staging.putBlob(entry.config());
            loaded.put(ConfigDocument.toImage(id, config, List.of(), size), tags);
        }
        return loaded;
    }

    /**
     * Adds staged images to {@code index}, moving their tags to them, with the lines Docker
     * prints for a load (a tag taken from another image is reported as a rename).
     */
    static Merged merge(ImageIndex index, Map<Image, List<ImageReference>> loaded) {
        ImageIndex next = index;
        List<String> messages = new ArrayList<>();
        for (Map.Entry<Image, List<ImageReference>> e : loaded.entrySet()) {
            Image image = e.getKey();
            next = next.with(next.byId(image.id()).orElse(image));
            for (ImageReference tag : e.getValue()) {
                Optional<Image> previous = next.byTag(tag.familiar());
                if (previous.isPresent() && !previous.get().id().equals(image.id())) {
                    messages.add("The image " + tag.familiar() + " already exists, renaming the old one with ID "
                            + previous.get().id() + " to empty string");
                }
                next = next.withTag(tag.familiar(), image.id());
                messages.add("Loaded image: " + tag.familiar());
            }
            if (e.getValue().isEmpty()) {
                messages.add("Loaded image ID: " + image.id());
            }
        }
        ImageIndex committed = next;
        return new Merged(committed,
                new LoadResult(loaded.keySet().stream().map(i -> committed.byId(i.id()).orElseThrow()).toList(), messages));
    }

    /**
     * Writes the images {@code references} name in {@code index} to {@code out} as a tarball any
     * Docker release loads. A {@code name:tag} saves that tag, a bare {@code name} every tag of
     * the repository, an id the image without tags.
     *
     * @throws NoSuchImageException when a reference names no image
     */
    void save(ImageIndex index, List<String> references, OutputStream out) throws IOException {
        Map<String, List<ImageReference>> tagsById = new LinkedHashMap<>();
        for (String reference : references) {
            List<ImageReference> repoTags = repositoryTags(index, reference);
            if (!repoTags.isEmpty()) {
                for (ImageReference tag : repoTags) {
                    addTag(tagsById, index.byTag(tag.familiar()).orElseThrow().id(), tag);
                }
                continue;
            }
            Resolution found = Resolution.resolve(index, reference).orElseThrow(() -> new NoSuchImageException(reference));
            addTag(tagsById, found.image().id(), found.tag());
        }
        List<SaveWriter.Item> items = new ArrayList<>();
        tagsById.forEach((id, tags) -> items.add(new SaveWriter.Item(index.byId(id).orElseThrow(), tags)));
        SaveWriter.write(items, root.blobs(), out);
    }

    private static void addTag(Map<String, List<ImageReference>> tagsById, String id, ImageReference tag) {
        List<ImageReference> tags = tagsById.computeIfAbsent(id, k -> new ArrayList<>());
        if (tag != null && !tags.contains(tag)) {
            tags.add(tag);
        }
    }

    /** For a bare repository name, every tag of it (Docker saves them all); otherwise none. */
    private static List<ImageReference> repositoryTags(ImageIndex index, String reference) {
        if (ImageReference.hasTag(reference)) {
            return List.of();
        }
        ImageReference name;
        try {
            name = ImageReference.parse(reference);
        } catch (IllegalArgumentException e) {
            return List.of();
        }
        return index.images().stream().flatMap(i -> i.repoTags().stream())
                .map(ImageReference::parse)
                .filter(t -> t.familiarName().equals(name.familiarName()))
                .toList();
    }
}
