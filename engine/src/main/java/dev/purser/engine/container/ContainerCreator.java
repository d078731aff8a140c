package dev.purser.engine.container;

import dev.purser.engine.container.naming.ContainerId;
import dev.purser.engine.container.naming.ContainerLookupException;
import dev.purser.engine.container.naming.ContainerName;
import dev.purser.engine.image.Image;
import dev.purser.engine.image.ImageStore;
import dev.purser.engine.image.NoSuchImageException;
import dev.purser.engine.mount.MountPoint;
import dev.purser.engine.network.EndpointConfig;
import dev.purser.engine.network.EtcFiles;
import dev.purser.engine.network.ports.PortRequest;
import dev.purser.engine.runtime.Capabilities;
import dev.purser.engine.store.Directories;
import dev.purser.engine.volume.Volumes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Docker's {@code create}: a request checked as Docker checks it (what could never start is
 * refused now), merged with its image's defaults, given a unique name, its volumes and its
 * directory, and written as a created container.
 */
final class ContainerCreator {
    private final Function<String, Container> lookup;
    private final ContainerStore store;
    private final ImageStore images;
    private final EtcFiles etcFiles;
    private final NetworkConnections connections;
    private final ContainerLinks links;
    private final Volumes volumes;
    private final ContainerMounts mounts;
    private final ContainerNames names;
    /** Held while a name is checked and taken: names are unique across containers. */
    private final Object nameLock;
    private final ContainerEvents events;

    ContainerCreator(Function<String, Container> lookup, ContainerStore store, ImageStore images, EtcFiles etcFiles,
            NetworkConnections connections, ContainerLinks links, Volumes volumes, ContainerMounts mounts,
            ContainerNames names, Object nameLock, ContainerEvents events) {
        this.lookup = lookup;
        this.store = store;
        this.images = images;
        this.etcFiles = etcFiles;
        this.connections = connections;
        this.links = links;
        this.volumes = volumes;
        this.mounts = mounts;
        this.names = names;
        this.nameLock = nameLock;
        this.events = events;
    }

    Container create(CreateRequest request) {
        String imageRef = request.config().image();
        if (imageRef == null || imageRef.isEmpty()) {
            throw new IllegalArgumentException("No image specified");
        }
        Image image = images.find(imageRef).orElseThrow(() -> new NoSuchImageException(imageRef));
        Capabilities.resolve(request.hostConfig().capAdd(), request.hostConfig().capDrop(),
                request.hostConfig().privileged());
        PortRequest.refuseConflicts(request.hostConfig().networkMode(), request.hostConfig().portBindings(),
                request.hostConfig().publishAllPorts(), request.config().exposedPorts());
        ContainerPorts.request(request.hostConfig(), image.config().exposedPorts() == null ? Map.of()
                : new java.util.TreeMap<>(image.config().exposedPorts()), request.config().exposedPorts());
        // A profile that could not be applied is refused now rather than at every start.
        request.hostConfig().securityOptions().seccompProfile(request.hostConfig().privileged());
        etcFiles.check(request.hostConfig().dns(), request.hostConfig().extraHosts());
        List<EndpointConfig> endpoints = connections.atCreate(request);
        List<Container> linkTargets = links.targets(request.hostConfig());
        synchronized (nameLock) {
            ContainerId id = ContainerId.generate();
            ContainerName name;
            if (request.name() == null || request.name().isEmpty()) {
                name = names.unique(id);
            } else {
                name = ContainerName.of(request.name());
                names.refuseInUse(name);
            }
            // Docker's default hostname: the short id, or the host's own name on the host's network
            ContainerConfig config = ImageDefaults.merge(request.config(), image.config(),
                    request.hostConfig().hostNetwork() ? etcFiles.hostHostname() : id.shortId());
            if (config.commandLine().isEmpty()) {
                throw new IllegalArgumentException("No command specified");
            }
            List<MountPoint> plan = ContainerMounts.plan(request.hostConfig(), config, this::volumesFromSource);
            Path dir = store.directory(id.value());
            HostConfig hostConfig = linkTargets.isEmpty() ? request.hostConfig() : request.hostConfig().withLinks(
                    ContainerLinks.stored(request.hostConfig().containerLinks(), linkTargets, name.value()));
            return volumes.guarded(() -> {
                ContainerMounts.Resolved resolved = mounts.createVolumes(plan);
                try {
                    Files.createDirectories(dir);
                    mounts.seed(dir, image.id(), resolved.mounts());
                    Container container = Container.newlyCreated(id.value(), name.value(), image.id(), config,
                            hostConfig, dir, Containers.now(), resolved.mounts(), endpoints);
                    if (request.hostConfig().networkContainer() == null) {
                        // written now so that they exist (inspect names them, cp reads them); a joiner has the other's
                        etcFiles.write(dir, ProcessPlans.etcIdentity(container, List.of()));
                    }
                    store.insert(container);
                    events.publish(container, "create");
                    return container;
                } catch (IOException | RuntimeException e) {
                    mounts.undo(resolved.createdAnonymous());
                    Directories.deleteRecursively(dir);
                    throw e instanceof IOException io ? new java.io.UncheckedIOException(io) : (RuntimeException) e;
                }
            });
        }
    }

    /**
     * The container a {@code --volumes-from} names. Docker's error for a missing one is its
     * lookup's message as a bad parameter of this create (400), not a missing resource: a 404
     * would send the docker CLI off to pull the image.
     */
    private Container volumesFromSource(String reference) {
        try {
            return lookup.apply(reference);
        } catch (ContainerLookupException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }
}
