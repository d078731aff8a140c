package dev.purser.engine.image;

import dev.purser.engine.store.StateRoot;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongConsumer;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * The engine's images: find, list, tag, remove, history, import, load and save, with Docker's
 * rules and messages. Thread-safe: one lock orders every change to {@code images.json} and the
 * layer directories; the slow part of a load or import (reading and unpacking the tarball)
 * runs outside it in a private staging area. Reading and writing the archives is
 * {@link ImageArchives}'s and measuring layers {@link LayerSizes}'s; this class keeps the index
 * and the lock they run under.
 */
public final class ImageStore {
    private final StateRoot root;
    private final ImageArchives archives;
    private final LayerSizes layerSizes;
    private final Object lock = new Object();
    private ImageIndex index;

    public ImageStore(StateRoot root) {
        this(root, new ImageArchives(root), new LayerSizes(root));
    }

    ImageStore(StateRoot root, ImageArchives archives, LayerSizes layerSizes) {
        this.root = root;
        this.archives = archives;
        this.layerSizes = layerSizes;
        this.index = ImageIndex.read(root.imagesIndex());
    }

    /** Every image, in the order they entered the store. */
    public List<Image> list() {
        synchronized (lock) {
            return index.images();
        }
    }

    /**
     * {@code docker images}: the images {@code filter} selects, newest first (by creation time, as
     * Docker sorts them). Under a reference filter an image shows only its tags that match.
     *
     * @throws NoSuchImageException when a {@code before} or {@code since} image does not exist
     */
    public List<Image> list(ImageFilter filter) {
        synchronized (lock) {
            Instant before = null;
            for (String ref : filter.before()) {
                Instant created = createdOf(ref);
                if (before == null || created.isBefore(before)) before = created;
            }
            Instant since = null;
            for (String ref : filter.since()) {
                Instant created = createdOf(ref);
                if (since == null || created.isAfter(since)) since = created;
            }
            List<Image> out = new ArrayList<>();
            for (Image image : index.images()) {
                Instant created = image.created() == null ? Instant.EPOCH : image.created();
                if (before != null && !created.isBefore(before)) continue;
                if (since != null && !created.isAfter(since)) continue;
                if (!filter.labelsMatch(image.config().labels())) continue;
                if (!filter.danglingAllows(image.repoTags())) continue;
                if (filter.filtersReferences()) {
                    List<String> tags = image.repoTags().stream().filter(filter::referenceMatches).toList();
                    if (tags.isEmpty()) continue;
                    image = image.withRepoTags(tags);
                }
                out.add(image);
            }
            out.sort(java.util.Comparator.comparing((Image i) -> i.created() == null ? Instant.EPOCH : i.created())
                    .reversed().thenComparing(Image::id));
            return out;
        }
    }

    private Instant createdOf(String reference) {
        Image image = Resolution.resolve(index, reference).orElseThrow(() -> new NoSuchImageException(reference)).image();
        return image.created() == null ? Instant.EPOCH : image.created();
    }

    /**
     * Finds an image the way Docker's {@code GetImage} does: first as a {@code name[:tag]}
     * reference (normalized, {@code :latest} by default), then as a full id, a {@code sha256:} id
     * or a unique prefix of the hex id. An ambiguous prefix finds nothing.
     */
    public Optional<Image> find(String reference) {
        synchronized (lock) {
            return Resolution.resolve(index, reference).map(Resolution::image);
        }
    }

    /** Like {@link #find} but failing with Docker's {@code No such image: x}. */
    public Image get(String reference) {
        return find(reference).orElseThrow(() -> new NoSuchImageException(reference));
    }

    /**
     * The unpacked layer directories, top layer first: the order overlayfs wants in {@code lowerdir=}.
     *
     * @throws IllegalStateException when one of them is gone from the state root (Docker's "layer
     *         does not exist", naming the image and the layer, never the state root's paths)
     */
    public List<Path> layerDirectories(Image image) {
        List<Path> dirs = new ArrayList<>();
        for (Digest chain : image.chainIds()) {
            Path diff = root.layers().resolve(chain.hex()).resolve("diff");
            if (!Files.isDirectory(diff)) {
                String name = image.repoTags().isEmpty() ? image.shortId() : image.repoTags().get(0);
                throw new IllegalStateException("layer does not exist: layer " + chain + " of image " + name
                        + " is missing from the store; remove the image and load or import it again");
            }
            dirs.add(diff);
        }
        Collections.reverse(dirs);
        return dirs;
    }

    /**
     * Points {@code target} at the image {@code source} names ({@code docker tag}). A target
     * tag that named another image moves.
     *
     * @throws IllegalArgumentException when {@code target} is not a valid reference
     * @throws NoSuchImageException when {@code source} names no image
     */
    public Image tag(String source, String target) {
        ImageReference ref = ImageReference.parse(target);
        synchronized (lock) {
            Image image = Resolution.resolve(index, source).orElseThrow(() -> new NoSuchImageException(source)).image();
            ImageIndex next = index.withTag(ref.familiar(), image.id());
            commitIndex(next);
            return next.byId(image.id()).orElseThrow();
        }
    }

    /**
     * {@code docker rmi}: removing one of several tags only untags; removing the last
     * reference deletes the image and the layers no other image uses. An image a container
     * uses is refused unless {@code force}; with force its tags go but the image and its layers
     * stay until no container needs them (a container's overlay mount reads them).
     */
    public List<ImageDeletion> remove(String reference, boolean force, Predicate<String> usedByContainer) {
        synchronized (lock) {
            Resolution found = Resolution.resolve(index, reference).orElseThrow(() -> new NoSuchImageException(reference));
            Image image = found.image();
            boolean used = usedByContainer != null && usedByContainer.test(image.id());
            List<ImageDeletion> out = new ArrayList<>();
            ImageIndex next = index;
            if (found.tag() != null) {
                if (!force && used && image.repoTags().size() == 1) {
                    throw new ImageConflictException("conflict: unable to remove repository reference \"" + reference
                            + "\" (must force) - a container is using its referenced image " + image.shortId());
                }
                next = next.withoutTag(found.tag().familiar());
                out.add(ImageDeletion.untagged(found.tag().familiar()));
                if (image.repoTags().size() > 1) {
                    commitIndex(next);
                    return out;
                }
            } else {
                long repositories = image.repoTags().stream().map(t -> ImageReference.parse(t).familiarName()).distinct().count();
                if (!force && repositories > 1) {
                    throw new ImageConflictException("conflict: unable to delete " + image.shortId()
                            + " (must be forced) - image is referenced in multiple repositories");
                }
                if (!force && used) {
                    throw new ImageConflictException("conflict: unable to delete " + image.shortId()
                            + " (must be forced) - image is being used by a container");
                }
                for (String tag : image.repoTags()) {
                    next = next.withoutTag(tag);
                    out.add(ImageDeletion.untagged(tag));
                }
            }
            if (used) {
                commitIndex(next); // forced: untagged, but the container keeps its image
                return out;
            }
            next = next.without(image.id());
            commitIndex(next);
            out.add(ImageDeletion.deleted(image.id()));
            out.addAll(deleteUnusedContent(image, next));
            return out;
        }
    }

    /** {@code docker history}: one row per build step, newest first. */
    public List<HistoryItem> history(String reference) {
        Image image = get(reference);
        List<Digest> chains = image.chainIds();
        List<HistoryItem> rows = new ArrayList<>();
        int layer = 0;
        List<HistoryEntry> steps = image.history();
        if (steps.isEmpty()) {
            steps = chains.stream().map(c -> new HistoryEntry(image.created(), "", null, null, false)).toList();
        }
        for (HistoryEntry step : steps) {
            long size = 0;
            if (!step.emptyLayer() && layer < chains.size()) {
                size = layerSizes.unpacked(chains.get(layer++));
            }
            rows.add(new HistoryItem("<missing>", step.created(), step.createdBy() == null ? "" : step.createdBy(),
                    List.of(), size, step.comment() == null ? "" : step.comment(), step.emptyLayer()));
        }
        Collections.reverse(rows);
        if (!rows.isEmpty()) {
            HistoryItem top = rows.get(0);
            rows.set(0, new HistoryItem(image.id(), top.created(), top.createdBy(), image.repoTags(), top.size(),
                    top.comment(), top.emptyLayer()));
        }
        return rows;
    }

    /**
     * {@code docker import}: a one-layer image from a root filesystem tar (plain, gzip or
     * bzip2), with {@code --change} instructions applied to its config.
     *
     * @param reference the tag to give it, or null for an untagged image
     * @param changes   Dockerfile instructions: CMD, ENTRYPOINT, ENV, EXPOSE, LABEL, STOPSIGNAL, USER, VOLUME, WORKDIR
     * @param message   the commit message (Docker's {@code --message}); null for none
     * @throws IllegalArgumentException for a bad reference or change, before anything is read
     * @throws InvalidArchiveException for a bad tar; the store is then unchanged
     */
    public Image importRootfs(InputStream tar, String reference, List<String> changes, String message) throws IOException {
        ImageReference ref = reference == null ? null : ImageReference.parse(reference);
        ImageConfig config = ConfigChanges.apply(ImageConfig.EMPTY, changes);
        try (Staging staging = new Staging(root)) {
            LayerRecord layer = staging.putLayer(tar, null, null, null);
            byte[] configBlob = ConfigDocument.forImport(config, Digest.parse(layer.diffId()), Instant.now(), message);
            Digest id = staging.putBlob(configBlob);
            Image image = ConfigDocument.toImage(id, ConfigDocument.parse(configBlob), List.of(), layer.size());
            synchronized (lock) {
                staging.commit();
                ImageIndex next = index.with(index.byId(image.id()).orElse(image));
                if (ref != null) {
                    next = next.withTag(ref.familiar(), image.id());
                }
                commitIndex(next);
                return next.byId(image.id()).orElseThrow();
            }
        }
    }

    /** {@link #load(InputStream, LongConsumer)} without progress. */
    public LoadResult load(InputStream tarball) throws IOException {
        return load(tarball, bytes -> {});
    }

    /**
     * {@code docker load}: images from a {@code docker save} tarball (legacy or OCI layout or
     * both; plain or gzip; layers plain or gzip). Every layer is checked against its diff id.
     *
     * @param progress told the number of tarball bytes read so far, as they are read
     * @throws InvalidArchiveException when anything in it is malformed or does not verify;
     *         nothing of it is then in the store
     */
    public LoadResult load(InputStream tarball, LongConsumer progress) throws IOException {
        try (Staging staging = new Staging(root)) {
            Map<Image, List<ImageReference>> loaded = archives.stage(tarball, progress, staging);
            synchronized (lock) {
                staging.commit();
                ImageArchives.Merged merged = ImageArchives.merge(index, loaded);
                commitIndex(merged.index());
                return merged.result();
            }
        }
    }

    /**
     * {@code docker save}: writes the images to {@code out} as a tarball any Docker release
     * loads. A {@code name:tag} saves that tag, a bare {@code name} every tag of the repository,
     * an id the image without tags.
     */
    public void save(List<String> references, OutputStream out) throws IOException {
        synchronized (lock) {
            archives.save(index, references, out);
        }
    }

    /**
     * Deletes the layers (top first, as Docker reports them) and blobs of a removed image that
     * no remaining image uses. Runs after images.json no longer names the image, so a crash
     * here leaves unreferenced files, never an image with missing layers.
     */
    private List<ImageDeletion> deleteUnusedContent(Image removed, ImageIndex remaining) {
        Set<String> chainsInUse = remaining.images().stream().flatMap(i -> i.chainIds().stream())
                .map(Digest::hex).collect(Collectors.toSet());
        Set<String> blobsInUse = remaining.images().stream()
                .flatMap(i -> java.util.stream.Stream.concat(i.diffIds().stream(), java.util.stream.Stream.of(i.id())))
                .map(d -> Digest.parse(d).hex()).collect(Collectors.toSet());
        List<ImageDeletion> out = new ArrayList<>();
        List<Digest> chains = new ArrayList<>(removed.chainIds());
        Collections.reverse(chains);
        try {
            for (Digest chain : chains) {
                if (!chainsInUse.contains(chain.hex())) {
                    deleteLayerDirectory(root.layers().resolve(chain.hex()));
                    out.add(ImageDeletion.deleted(chain.toString()));
                }
            }
            for (String blob : java.util.stream.Stream.concat(removed.diffIds().stream(), java.util.stream.Stream.of(removed.id())).toList()) {
                String hex = Digest.parse(blob).hex();
                if (!blobsInUse.contains(hex)) {
                    LayerBlobs.delete(root.blobs(), Digest.parse(blob));
                }
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("deleting layers of " + removed.id() + ": " + e.getMessage(), e);
        }
        return out;
    }

    /** Renames the layer out of layers/ first, so a half-deleted tree is never mistaken for a layer. */
    private void deleteLayerDirectory(Path layerDir) throws IOException {
        if (!Files.exists(layerDir)) {
            return;
        }
        Files.createDirectories(root.tmp());
        Path doomed = Files.createTempDirectory(root.tmp(), "deleted-layer-");
        Path moved = doomed.resolve("layer");
        Files.move(layerDir, moved, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        LayerExtractor.deleteTree(doomed);
    }

    /** The image's unpacked layers by chain id (hex), bottom first, with their sizes: for disk usage. */
    public java.util.LinkedHashMap<String, Long> layerSizes(Image image) {
        return layerSizes.unpacked(image);
    }

    /**
     * What each of the image's layers takes on disk, by chain id: the unpacked tree and the tar
     * kept for {@code save} (docs/decisions/0019) — what {@code system df} and prune count.
     */
    public java.util.LinkedHashMap<String, Long> layerDiskSizes(Image image) {
        return layerSizes.onDisk(image);
    }

    private void commitIndex(ImageIndex next) {
        next.write(root.imagesIndex());
        index = next;
    }
}
