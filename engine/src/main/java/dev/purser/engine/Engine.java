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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

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
        Engine engine = load(root, cgroupParent, cgroupVersion, bridge, hostGatewayIp, removalSteps);
        engine.finishRecovery();
        return engine;
    }

    /**
     * The first step of {@link #open}, for a daemon that answers reads before the host is cleaned
     * up: the state is loaded, every container's record is true (those that were running are
     * exited), and the containers that restart by policy run again. Until {@link #finishRecovery}
     * returns, only reads may use the engine (docs/decisions/0058).
     */
    public static Engine load(StateRoot root, String cgroupParent, CgroupVersion cgroupVersion, BridgeOptions bridge,
                              String hostGatewayIp, RemovalStep.Listener removalSteps) {
        root.createPrivate();
        Linux linux = new Linux();
        EventBus events = new EventBus();
        // the bridge's set-up (jnr-ffi's bindings, netlink, iptables) waits on the kernel and on
        // processes; the records are read meanwhile
        CompletableFuture<Networks> opening = new CompletableFuture<>();
        new Thread(() -> {
            try {
                opening.complete(Networks.open(linux, root.root().resolve("network"), bridge));
            } catch (Throwable t) {
                opening.completeExceptionally(t);
            }
        }, "networks-open").start();
        ImageStore images = new ImageStore(root);
        ContainerStore containerStore = new ContainerStore(root);
        Networks networks = joined(opening);
        Volumes volumes = new Volumes(new VolumeStore(root), containerStore::volumeUsers, events);
        Containers containers = new Containers(containerStore, images,
                CgroupHierarchy.detect(cgroupParent, cgroupVersion, linux), linux, StageBinary.extractInto(root.bin()), events,
                networks, volumes, removalSteps, new EtcFiles(EtcFiles.HostEtc.SYSTEM,
                        hostGatewayIp != null ? hostGatewayIp : networks.bridgeNetwork().gateway().toString()));
        containers.startByPolicy();
        return new Engine(root, images, containers, events, networks, volumes);
    }

    private static <T> T joined(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }

    /**
     * The second step of {@link #open} after {@link #load}: what a previous engine left on the
     * host for containers that do not run is removed, and so are the containers its crash left
     * half-removed or with AutoRemove.
     */
    public void finishRecovery() {
        containers.finishRecovery();
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
