package dev.purser.engine.usage;

import dev.purser.engine.container.Container;
import dev.purser.engine.image.Image;
import dev.purser.engine.image.ImageStore;
import dev.purser.engine.store.StateRoot;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/** Sizes measured on the state root: containers' writable layers, images' layers. */
public final class DiskUsage {
    private final StateRoot root;
    private final ImageStore images;

    public DiskUsage(StateRoot root, ImageStore images) {
        this.root = root;
        this.images = images;
    }

    /** The size of what the container wrote: its overlay upper directory. */
    public long writableLayer(String containerId) {
        return TreeSize.of(root.container(containerId).resolve("upper"));
    }

    public ContainerSize of(Container c) {
        long rw = writableLayer(c.id());
        long image = images.find(c.image()).map(Image::size).orElse(0L);
        return new ContainerSize(rw, rw + image);
    }

    /** Every layer any image uses, by chain id, with what it takes on disk (tree and kept tar). */
    public Map<String, Long> layers() {
        Map<String, Long> all = new HashMap<>();
        for (Image image : images.list()) {
            all.putAll(images.layerDiskSizes(image));
        }
        return all;
    }

    /**
     * Docker's {@code LayersSize}: all unpacked layers, each counted once. The tars kept for
     * {@code save} are left out, as images' {@code Size} leaves them out: the docker CLI takes
     * what is reclaimable as the difference of the two.
     */
    public long layersSize() {
        Map<String, Long> all = new HashMap<>();
        for (Image image : images.list()) {
            all.putAll(images.layerSizes(image));
        }
        return all.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Docker's {@code SharedSize}: the part of the image's layers that other images use too. */
    public long sharedSize(Image image) {
        Map<String, Long> mine = images.layerSizes(image);
        Set<String> others = new HashSet<>();
        for (Image other : images.list()) {
            if (!other.id().equals(image.id())) {
                others.addAll(images.layerSizes(other).keySet());
            }
        }
        return mine.entrySet().stream().filter(e -> others.contains(e.getKey())).mapToLong(Map.Entry::getValue).sum();
    }

    /** What removing images freed: the sizes of the layers in {@code before} that are gone now. */
    public long freedSince(Map<String, Long> before) {
        Map<String, Long> now = layers();
        return before.entrySet().stream().filter(e -> !now.containsKey(e.getKey())).mapToLong(Map.Entry::getValue).sum();
    }
}
