package dev.purser.engine;

import dev.purser.engine.cgroup.CgroupHierarchy;
import dev.purser.engine.cgroup.CgroupVersion;
import dev.purser.engine.container.ContainerStore;
import dev.purser.engine.container.Containers;
import dev.purser.engine.container.RemovalStep;
import dev.purser.engine.event.EventBus;
import dev.purser.engine.image.ImageStore;
import dev.purser.engine.network.EtcFiles;
import dev.purser.engine.network.BridgeOptions;
import dev.purser.engine.network.Networks;
import dev.purser.engine.runtime.Linux;
import dev.purser.engine.runtime.StageBinary;
import dev.purser.engine.store.StateRoot;
import dev.purser.engine.volume.VolumeStore;
import dev.purser.engine.volume.Volumes;

/**
 * The embedded container engine as a library: open it on a state root, then use its
 * {@link #images()}, {@link #containers()} and {@link #volumes()}. Only one engine may use a state root at a time.
 */
public final class Engine implements AutoCloseable {
    private final StateRoot root;
    private final ImageStore images;
    private final Containers containers;
    private final EventBus events;
    private final Networks networks;
    private final Volumes volumes;

    private Engine(StateRoot root, ImageStore images, Containers containers, EventBus events, Networks networks,
                   Volumes volumes) {
        this.networks = networks;
        this.volumes = volumes;
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
        return open(root, cgroupParent, cgroupVersion, BridgeOptions.defaults(), null);
    }

    /**
     * As above, with the default bridge set up as {@code bridge} says (the daemon's --bip,
     * --mtu...) and {@code hostGatewayIp} (the daemon's --host-gateway-ip; null: the bridge's gateway).
     */
    public static Engine open(StateRoot root, String cgroupParent, CgroupVersion cgroupVersion, BridgeOptions bridge,
                              String hostGatewayIp) {
        return open(root, cgroupParent, cgroupVersion, bridge, hostGatewayIp, RemovalStep.haltingAtPropertyStep());
    }

    /** As above, with {@code removalSteps} told of each step of every removal (tests hold one midway). */
    public static Engine open(StateRoot root, String cgroupParent, CgroupVersion cgroupVersion, BridgeOptions bridge,
                              String hostGatewayIp, RemovalStep.Listener removalSteps) {
        root.createPrivate();
        Linux linux = new Linux();
        EventBus events = new EventBus();
        ImageStore images = new ImageStore(root);
        Networks networks = Networks.open(linux, root.root().resolve("network"), bridge);
        ContainerStore containerStore = new ContainerStore(root);
        Volumes volumes = new Volumes(new VolumeStore(root), containerStore::volumeUsers, events);
        Containers containers = new Containers(containerStore, images,
                CgroupHierarchy.detect(cgroupParent, cgroupVersion, linux), linux, StageBinary.extractInto(root.bin()), events,
                networks, volumes, removalSteps, new EtcFiles(EtcFiles.HostEtc.SYSTEM,
                        hostGatewayIp != null ? hostGatewayIp : networks.bridgeNetwork().gateway().toString()));
        containers.startByPolicy();
        return new Engine(root, images, containers, events, networks, volumes);
    }

    public Networks networks() {
        return networks;
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

    /** Managed volumes: create, inspect, list, remove, prune (containers create and use them too). */
    public Volumes volumes() {
        return volumes;
    }

    /** Stops every running container with its grace period. */
    @Override
    public void close() {
        containers.stopAll();
    }
}
