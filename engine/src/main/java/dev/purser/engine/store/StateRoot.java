package dev.purser.engine.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * The engine's directory layout under its state root (default {@code /var/lib/purser}).
 * One place names every path, so no two parts of the engine disagree about where things live.
 */
public record StateRoot(Path root) {
    public static final Path DEFAULT = Path.of("/var/lib/purser");

    public StateRoot {
        root = root.toAbsolutePath().normalize();
    }

    /**
     * Creates the root and its top-level directories with the modes Docker keeps /var/lib/docker
     * at, and puts back those modes on an existing root: the root, {@code containers} and {@code
     * layers} {@code 0710}, {@code volumes} {@code 0701}, the rest {@code 0700}, so that no other host user can read a container's
     * files or reach a setuid binary inside an image's layers.
     */
    public void createPrivate() {
        try {
            secure(root, "rwx--x---");
            // as /var/lib/docker's containers/ and overlay2/, image/ and tmp/, volumes/
            secure(containers(), "rwx--x---");
            secure(layers(), "rwx--x---");
            for (Path dir : new Path[] {root.resolve("blobs"), tmp(), bin()}) {
                secure(dir, "rwx------");
            }
            secure(volumes(), "rwx-----x");
        } catch (IOException e) {
            throw new UncheckedIOException("securing state root " + root + ": " + e.getMessage(), e);
        }
    }

    private static void secure(Path dir, String mode) throws IOException {
        Files.createDirectories(dir);
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString(mode));
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
