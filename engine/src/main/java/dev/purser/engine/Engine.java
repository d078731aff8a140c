package dev.purser.engine;

import dev.purser.engine.cgroup.CgroupHierarchy;
import dev.purser.engine.container.ContainerStore;
import dev.purser.engine.container.Containers;
import dev.purser.engine.container.RemovalStep;
import dev.purser.engine.event.EventBus;
import dev.purser.engine.image.ImageStore;
import dev.purser.engine.runtime.Linux;
import dev.purser.engine.runtime.StageBinary;
import dev.purser.engine.store.StateRoot;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;

/**
 * The embedded container engine as a library: open it on a state root, then use its
 * {@link #images()} and {@link #containers()}. Only one engine may use a state root at a time.
 */
public final class Engine implements AutoCloseable {
    private final StateRoot root;
    private final ImageStore images;
    private final Containers containers;
    private final EventBus events;

    private Engine(StateRoot root, ImageStore images, Containers containers, EventBus events) {
        this.root = root;
        this.images = images;
        this.containers = containers;
        this.events = events;
    }

    public static Engine open(StateRoot root, String cgroupParent) {
        try {
            Files.createDirectories(root.root());
            Files.createDirectories(root.containers());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Linux linux = new Linux();
        EventBus events = new EventBus();
        ImageStore images = new ImageStore(root);
        Containers containers = new Containers(new ContainerStore(root), images,
                CgroupHierarchy.detect(cgroupParent), linux, StageBinary.extractInto(root.bin()), events,
                RemovalStep.haltingAtPropertyStep());
        containers.startByPolicy();
        return new Engine(root, images, containers, events);
    }

    public EventBus events() {
        return events;
    }

    public StateRoot root() {
        return root;
    }

    public ImageStore images() {
        return images;
    }

    public Containers containers() {
        return containers;
    }

    /** Stops every running container with its grace period. */
    @Override
    public void close() {
        containers.stopAll();
    }
}
