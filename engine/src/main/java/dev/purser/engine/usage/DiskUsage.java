package dev.purser.engine.usage;

import dev.purser.engine.container.Container;
import dev.purser.engine.image.Image;
import dev.purser.engine.image.ImageStore;
import dev.purser.engine.store.StateRoot;

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
}
