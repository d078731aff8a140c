package dev.purser.engine.container;

import dev.purser.engine.image.Image;
import dev.purser.engine.image.ImageStore;
import dev.purser.engine.image.NoSuchImageException;
import dev.purser.engine.runtime.Linux;
import dev.purser.engine.runtime.Overlay;
import java.io.IOException;
import java.nio.file.Path;

/**
 * The containers' root filesystems as the host sees them, for what reads or writes files in
 * them from outside ({@code docker cp}, the archive API), whether the container runs or not.
 */
public final class RootFilesystems {
    private final ContainerLookup containers;
    private final ContainerLocks locks;
    private final ContainerStore store;
    private final ImageStore images;
    private final Linux linux;

    RootFilesystems(ContainerLookup containers, ContainerLocks locks,
            ContainerStore store, ImageStore images, Linux linux) {
        this.containers = containers;
        this.locks = locks;
        this.store = store;
        this.images = images;
        this.linux = linux;
    }

    /** What is done with a container's root filesystem, as the host sees it. */
    @FunctionalInterface
    public interface Action<T> {
        T apply(Container container, Path root) throws IOException;
    }

    /**
     * Runs {@code action} on the container's root filesystem: a running container's merged
     * overlay, or, for one that is not running, its overlay mounted for the time of the action
     * (a start waits meanwhile, so the two never share the upper directory). Paths inside must be
     * resolved within {@code root} ({@code ScopedPath}): the tree is the container's, untrusted.
     */
    public <T> T with(String reference, Action<T> action) throws IOException {
        Container c = containers.get(reference);
        RunningContainer rc = containers.process(c.id());
        if (rc != null) {
            return action.apply(c, rc.overlay.merged());
        }
        try (ContainerLocks.Held held = locks.lock(c.id())) {
            Container now = containers.get(c.id());
            rc = containers.process(now.id());
            if (rc != null) {
                return action.apply(now, rc.overlay.merged());
            }
            Image image = images.find(now.image()).orElseThrow(() -> new NoSuchImageException(now.image()));
            Overlay overlay = Overlay.inContainerDirectory(store.directory(now.id()), images.layerDirectories(image));
            overlay.mount(linux);
            try {
                return action.apply(now, overlay.merged());
            } finally {
                overlay.unmount(linux);
            }
        }
    }
}
