package dev.purser.engine.image;

import java.time.Instant;
import java.util.List;

/**
 * One row of {@code docker history}, newest first. Like Docker, only the newest row carries
 * the image id; the rows below it are {@code <missing>} because their intermediate images are
 * not in the store.
 */
public record HistoryItem(
        String id,
        Instant created,
        String createdBy,
        List<String> tags,
        long size,
        String comment,
        boolean emptyLayer) {}
