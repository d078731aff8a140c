package dev.purser.engine.image;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.Deflater;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * Where a layer's tar is kept once it is unpacked: gzip-compressed, as {@code blobs/<diff id>.tar.gz},
 * never as the decompressed tar beside the unpacked tree (a 4.7 MB gzip bomb took 2 GB that way).
 * {@code save} decompresses it back, so the tar it writes is byte for byte the one that was
 * loaded and its digest is the diff id. Stores written before this kept {@code blobs/<diff id>}
 * uncompressed; those are still read. See docs/decisions/0019.
 */
final class LayerBlobs {
    private LayerBlobs() {}

    static Path compressed(Path blobs, Digest diffId) {
        return blobs.resolve(diffId.hex() + ".tar.gz");
    }

    /** True when the store keeps this layer's tar in either form. */
    static boolean has(Path blobs, Digest diffId) {
        return Files.exists(compressed(blobs, diffId)) || Files.exists(blobs.resolve(diffId.hex()));
    }

    /** Compresses what is written to {@code out}: fast, since a layer is written once per load. */
    static GZIPOutputStream compressing(OutputStream out) throws IOException {
        return new GZIPOutputStream(out, 65536) {
            {
                def.setLevel(Deflater.BEST_SPEED);
            }
        };
    }

    /** The layer's tar, decompressed. */
    static InputStream open(Path blobs, Digest diffId) throws IOException {
        Path plain = blobs.resolve(diffId.hex());
        if (Files.exists(plain)) {
            return Files.newInputStream(plain);
        }
        return new GZIPInputStream(new BufferedInputStream(Files.newInputStream(compressed(blobs, diffId)), 65536), 65536);
    }

    /** The length of the layer's tar (read through once when it is kept compressed). */
    static long tarSize(Path blobs, Digest diffId) throws IOException {
        Path plain = blobs.resolve(diffId.hex());
        if (Files.exists(plain)) {
            return Files.size(plain);
        }
        try (InputStream in = open(blobs, diffId)) {
            return in.transferTo(OutputStream.nullOutputStream());
        }
    }

    /** What the layer's tar takes on disk, in whichever form the store keeps it (0 when it keeps none). */
    static long storedSize(Path blobs, Digest diffId) throws IOException {
        Path plain = blobs.resolve(diffId.hex());
        Path gz = compressed(blobs, diffId);
        return (Files.exists(plain) ? Files.size(plain) : 0) + (Files.exists(gz) ? Files.size(gz) : 0);
    }

    /** Removes the layer's tar in whichever form the store has it. */
    static void delete(Path blobs, Digest diffId) throws IOException {
        Files.deleteIfExists(compressed(blobs, diffId));
        Files.deleteIfExists(blobs.resolve(diffId.hex()));
    }
}
