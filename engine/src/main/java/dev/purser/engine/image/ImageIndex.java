package dev.purser.engine.image;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.purser.engine.store.AtomicFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The content of {@code images.json}: every image with its tags. Immutable, so a change is
 * built aside and written atomically before the store swaps it in; a failed write leaves both
 * the file and the store's view as they were.
 */
record ImageIndex(@JsonProperty("images") List<Image> images) {
    static final ImageIndex EMPTY = new ImageIndex(List.of());

    ImageIndex {
        images = List.copyOf(images);
    }

    static ImageIndex read(Path file) {
        if (!Files.exists(file)) {
            return EMPTY;
        }
        try {
            return ImageJson.MAPPER.readValue(file.toFile(), ImageIndex.class);
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + file + ": " + e.getMessage(), e);
        }
    }

    void write(Path file) {
        try {
            AtomicFile.write(file, ImageJson.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(this));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("images.json cannot be serialized", e);
        }
    }

    Optional<Image> byId(String id) {
        return images.stream().filter(i -> i.id().equals(id)).findFirst();
    }

    Optional<Image> byTag(String familiarTag) {
        return images.stream().filter(i -> i.repoTags().contains(familiarTag)).findFirst();
    }

    /** Adds or replaces the image with the same id. */
    ImageIndex with(Image image) {
        List<Image> next = new ArrayList<>();
        boolean replaced = false;
        for (Image i : images) {
            if (i.id().equals(image.id())) {
                next.add(image);
                replaced = true;
            } else {
                next.add(i);
            }
        }
        if (!replaced) {
            next.add(image);
        }
        return new ImageIndex(next);
    }

    ImageIndex without(String id) {
        return new ImageIndex(images.stream().filter(i -> !i.id().equals(id)).toList());
    }

    /** Points the tag at {@code id}, taking it away from whichever image had it (a tag names one image). */
    ImageIndex withTag(String familiarTag, String id) {
        List<Image> next = new ArrayList<>();
        for (Image i : images) {
            List<String> tags = new ArrayList<>(i.repoTags());
            tags.remove(familiarTag);
            if (i.id().equals(id)) {
                tags.add(familiarTag);
            }
            next.add(i.withRepoTags(tags));
        }
        return new ImageIndex(next);
    }

    ImageIndex withoutTag(String familiarTag) {
        return new ImageIndex(images.stream()
                .map(i -> i.repoTags().contains(familiarTag)
                        ? i.withRepoTags(i.repoTags().stream().filter(t -> !t.equals(familiarTag)).toList())
                        : i)
                .toList());
    }
}
