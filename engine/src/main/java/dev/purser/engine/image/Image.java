package dev.purser.engine.image;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.List;

/**
 * An image in the store.
 *
 * @param id          {@code sha256:<hex>}, the digest of the config blob, so equal configs are one image
 * @param repoTags    familiar {@code name:tag} references, as {@code docker images} shows them
 * @param created     when the image config says it was created (null if it does not say)
 * @param size        the sum of the unpacked sizes of its layers, in bytes
 * @param config      the runtime defaults for containers
 * @param diffIds     the {@code rootfs.diff_ids}: the digest of each uncompressed layer tar, bottom first
 * @param history     the config's history, oldest first (no parent images: every image stands alone)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Image(
        String id,
        List<String> repoTags,
        Instant created,
        long size,
        ImageConfig config,
        List<String> diffIds,
        List<HistoryEntry> history,
        String os,
        String architecture,
        String author,
        String comment) {

    public Image {
        repoTags = List.copyOf(repoTags);
        diffIds = List.copyOf(diffIds);
        history = List.copyOf(history);
    }

    /** The 12-hex-digit form Docker prints. */
    public String shortId() {
        return Digest.parse(id).hex().substring(0, 12);
    }

    /** Chain ids of the layers, bottom first: the names of the unpacked layer directories. */
    public List<Digest> chainIds() {
        return Digest.chainIds(diffIds.stream().map(Digest::parse).toList());
    }

    Image withRepoTags(List<String> tags) {
        return new Image(id, tags, created, size, config, diffIds, history, os, architecture, author, comment);
    }
}
