package dev.purser.engine.image;

import dev.purser.engine.store.StateRoot;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A private work area under the state root's {@code tmp/} where a load or import builds its
 * blobs and unpacked layers. Nothing in the store changes until {@link #commit()}, which only
 * renames finished, fsynced files and directories into place; closing without committing throws
 * the whole area away. So a failed or interrupted load leaves the store exactly as it was.
 */
final class Staging implements AutoCloseable {
    private final StateRoot root;
    private final Path work;
    private final Map<String, Path> blobs = new LinkedHashMap<>();
    private final Map<String, Path> layers = new LinkedHashMap<>();
    private int counter;

    Staging(StateRoot root) throws IOException {
        this.root = root;
        Files.createDirectories(root.tmp());
        this.work = Files.createTempDirectory(root.tmp(), "image-");
    }

    /** A scratch path inside the work area (e.g. for spooling an archive's files). */
    Path scratch(String prefix) {
        return work.resolve(prefix + "-" + (counter++));
    }

    Digest putBlob(byte[] content) throws IOException {
        Digest digest = Digest.of(content);
        if (!blobs.containsKey(digest.hex()) && !Files.exists(root.blobs().resolve(digest.hex()))) {
            Path file = scratch("blob");
            try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                ch.write(java.nio.ByteBuffer.wrap(content));
                ch.force(true);
            }
            blobs.put(digest.hex(), file);
        }
        return digest;
    }

    /**
     * Unpacks a layer for {@code chainId} on top of {@code parent}, keeps its tar compressed as
     * a blob ({@link LayerBlobs}), and checks the tar's digest against {@code expectedDiffId} (null: accept any, as
     * for an import, whose diff id is whatever the tar hashes to). A layer the store or this
     * staging already has is only verified, not unpacked again.
     */
    LayerRecord putLayer(InputStream layerTar, Digest expectedDiffId, Digest chainId, Digest parent) throws IOException {
        Path layerDir = scratch("layer");
        Files.createDirectories(layerDir.resolve("diff"));
        Path blobFile = scratch("blob");
        ExtractedLayer extracted;
        try (FileChannel ch = FileChannel.open(blobFile, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
             java.util.zip.GZIPOutputStream copy = LayerBlobs.compressing(Channels.newOutputStream(ch))) {
            extracted = LayerExtractor.extract(layerTar, layerDir.resolve("diff"), copy);
            copy.finish();
            ch.force(true);
        }
        if (expectedDiffId != null && !extracted.diffId().equals(expectedDiffId)) {
            throw new InvalidArchiveException("layer digest mismatch: the config expects diff id " + expectedDiffId
                    + " but the layer tar is " + extracted.diffId());
        }
        Digest chain = chainId != null ? chainId : extracted.diffId();
        LayerRecord record = new LayerRecord(chain.toString(), extracted.diffId().toString(),
                parent == null ? null : parent.toString(), extracted.size());
        String blobName = LayerBlobs.compressed(root.blobs(), extracted.diffId()).getFileName().toString();
        if (!blobs.containsKey(blobName) && !LayerBlobs.has(root.blobs(), extracted.diffId())) {
            blobs.put(blobName, blobFile);
        }
        Path committed = root.layers().resolve(chain.hex());
        if (Files.exists(committed.resolve(LayerRecord.FILE))) {
            return LayerRecord.read(committed);
        }
        if (!layers.containsKey(chain.hex())) {
            record.write(layerDir);
            layers.put(chain.hex(), layerDir);
        }
        return record;
    }

    /**
     * Moves everything staged into the store. Blobs and layers first, so the images.json the
     * caller writes next never names something missing; a crash in between leaves only
     * unreferenced layers behind, never a broken image.
     */
    void commit() throws IOException {
        Files.createDirectories(root.blobs());
        Files.createDirectories(root.layers());
        for (Map.Entry<String, Path> blob : blobs.entrySet()) {
            Path target = root.blobs().resolve(blob.getKey());
            if (!Files.exists(target)) {
                Files.move(blob.getValue(), target, StandardCopyOption.ATOMIC_MOVE);
            }
        }
        for (Map.Entry<String, Path> layer : layers.entrySet()) {
            Path target = root.layers().resolve(layer.getKey());
            if (!Files.exists(target)) {
                Files.move(layer.getValue(), target, StandardCopyOption.ATOMIC_MOVE);
            }
        }
        syncDirectory(root.blobs());
        syncDirectory(root.layers());
    }

    private static void syncDirectory(Path dir) throws IOException {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        }
    }

    @Override
    public void close() throws IOException {
        LayerExtractor.deleteTree(work);
    }
}
