package dev.purser.engine.image;

import dev.purser.engine.store.StateRoot;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;

/**
 * How big an image's layers are, read from the layer records under the state root: the unpacked
 * sizes {@code history} shows, and the on-disk sizes {@code system df} and prune count.
 */
final class LayerSizes {
    private final StateRoot root;

    LayerSizes(StateRoot root) {
        this.root = root;
    }

    /** The image's unpacked layers by chain id (hex), bottom first, with their sizes: for disk usage. */
    LinkedHashMap<String, Long> unpacked(Image image) {
        LinkedHashMap<String, Long> out = new LinkedHashMap<>();
        for (Digest chain : image.chainIds()) {
            out.put(chain.hex(), unpacked(chain));
        }
        return out;
    }

    /**
     * What each of the image's layers takes on disk, by chain id: the unpacked tree and the tar
     * kept for {@code save} (docs/decisions/0019) — what {@code system df} and prune count.
     */
    LinkedHashMap<String, Long> onDisk(Image image) {
        LinkedHashMap<String, Long> out = new LinkedHashMap<>();
        for (Digest chain : image.chainIds()) {
            Path dir = root.layers().resolve(chain.hex());
            if (!Files.exists(dir.resolve(LayerRecord.FILE))) {
                out.put(chain.hex(), 0L);
                continue;
            }
            LayerRecord record = LayerRecord.read(dir);
            try {
                out.put(chain.hex(), record.size() + LayerBlobs.storedSize(root.blobs(), Digest.parse(record.diffId())));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return out;
    }

    /** One layer's unpacked size; 0 when it has no record. */
    long unpacked(Digest chain) {
        Path dir = root.layers().resolve(chain.hex());
        return Files.exists(dir.resolve(LayerRecord.FILE)) ? LayerRecord.read(dir).size() : 0;
    }
}
