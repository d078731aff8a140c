package dev.purser.engine.image;

import java.util.List;

/** What a {@code load} brought in, and the lines Docker prints for it. */
public record LoadResult(List<Image> images, List<String> messages) {
    public LoadResult {
        images = List.copyOf(images);
        messages = List.copyOf(messages);
    }
}
