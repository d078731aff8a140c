package dev.purser.engine;

import dev.purser.engine.cgroup.CgroupHierarchy;
import dev.purser.engine.cgroup.CgroupVersion;
import dev.purser.engine.container.ContainerStore;
import dev.purser.engine.container.Containers;
import dev.purser.engine.container.RemovalStep;
import dev.purser.engine.event.EventBus;
import dev.purser.engine.image.ImageStore;
import dev.purser.engine.network.EtcFiles;
import dev.purser.engine.runtime.Linux;
import dev.purser.engine.runtime.StageBinary;
import dev.purser.engine.store.StateRoot;

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
        return open(root, cgroupParent, null);
    }

    /**
     * {@code cgroupVersion} {@code null} uses the host's usual hierarchy; {@link CgroupVersion#V2}
     * uses its cgroup2 mount even on a hybrid host, where that has no controllers (limits are then
     * refused).
     */
    public static Engine open(StateRoot root, String cgroupParent, CgroupVersion cgroupVersion) {
        return open(root, cgroupParent, cgroupVersion, null);
    }

    /** As above; {@code hostGatewayIp} is the daemon's {@code --host-gateway-ip}, or null. */
    public static Engine open(StateRoot root, String cgroupParent, CgroupVersion cgroupVersion, String hostGatewayIp) {
        return open(root, cgroupParent, cgroupVersion, hostGatewayIp, RemovalStep.haltingAtPropertyStep());
    }

    /** As above, with {@code removalSteps} told of each step of every removal (tests hold one midway). */
    public static Engine open(StateRoot root, String cgroupParent, CgroupVersion cgroupVersion, String hostGatewayIp,
                              RemovalStep.Listener removalSteps) {
        EtcFiles etcFiles = new EtcFiles(EtcFiles.HostEtc.SYSTEM, hostGatewayIp);
        root.createPrivate();
        Linux linux = new Linux();
        EventBus events = new EventBus();
        ImageStore images = new ImageStore(root);
        Containers containers = new Containers(new ContainerStore(root), images,
                CgroupHierarchy.detect(cgroupParent, cgroupVersion, linux), linux, StageBinary.extractInto(root.bin()), events,
                removalSteps, etcFiles);
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
