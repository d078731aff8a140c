package dev.purser.engine.store;

import java.nio.file.Path;

/**
 * The engine's directory layout under its state root (default {@code /var/lib/purser}).
 * One place names every path, so no two parts of the engine disagree about where things live.
 */
public record StateRoot(Path root) {
    public static final Path DEFAULT = Path.of("/var/lib/purser");

    public StateRoot {
        root = root.toAbsolutePath().normalize();
    }

    /** Content-addressed blobs: {@code blobs/sha256/<hex>}. */
    public Path blobs() {
        return root.resolve("blobs").resolve("sha256");
    }

    /** Unpacked layers, one directory per chain id: {@code layers/<chain-id>/diff}. */
    public Path layers() {
        return root.resolve("layers");
    }

    /** repository:tag to image id, and the image records. */
    public Path imagesIndex() {
        return root.resolve("images.json");
    }

    public Path containers() {
        return root.resolve("containers");
    }

    public Path container(String id) {
        return containers().resolve(id);
    }

    public Path volumes() {
        return root.resolve("volumes");
    }

    /** Scratch space for half-done work (downloads, unpacking); cleared at engine start. */
    public Path tmp() {
        return root.resolve("tmp");
    }

    /** Native helpers extracted from the jar, named by content hash. */
    public Path bin() {
        return root.resolve("bin");
    }
}
