package dev.purser.engine.container;

import dev.purser.engine.cgroup.CgroupHierarchy;
import dev.purser.engine.mount.MountPoint;
import dev.purser.engine.runtime.Linux;
import dev.purser.engine.runtime.Overlay;
import dev.purser.engine.volume.Volumes;
import java.nio.file.Path;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The second half of a removal, once the container's process is down: its root filesystem
 * unmounted, its cgroup and files removed, its record deleted last (each a {@link RemovalStep}),
 * the links to its name dropped, and with {@code rm -v} its anonymous volumes that no other
 * container uses.
 */
final class ContainerDeletion {
    private static final Logger log = LoggerFactory.getLogger(ContainerDeletion.class);

    private final ContainerStore store;
    private final RemovalStep.Listener removalSteps;
    private final Linux linux;
    private final CgroupHierarchy cgroups;
    private final ContainerLinks links;
    /** The engine's name lock: the links to a name change under it, as names do. */
    private final Object nameLock;
    private final Volumes volumes;

    ContainerDeletion(ContainerStore store, RemovalStep.Listener removalSteps, Linux linux, CgroupHierarchy cgroups,
            ContainerLinks links, Object nameLock, Volumes volumes) {
        this.store = store;
        this.removalSteps = removalSteps;
        this.linux = linux;
        this.cgroups = cgroups;
        this.links = links;
        this.nameLock = nameLock;
        this.volumes = volumes;
    }

    /** Deletes what {@code c} left; the caller holds its lock and has brought its process down. */
    void delete(Container c, boolean removeVolumes) {
        String id = c.id();
        Path dir = store.directory(id);
        // the exit handler has undone what the start set up; this is for what a crash left
        Teardown.of(linux, Overlay.inContainerDirectory(dir, List.of()), null);
        removalSteps.reached(id, RemovalStep.UNMOUNTED);
        Teardown.of(linux, Overlay.inContainerDirectory(dir, List.of()), cgroups.open(id));
        removalSteps.reached(id, RemovalStep.CGROUP_REMOVED);
        store.deleteFiles(id);
        removalSteps.reached(id, RemovalStep.FILES_DELETED);
        store.delete(id);
        synchronized (nameLock) {
            links.dropTo(c.name());
        }
        if (removeVolumes) {
            for (MountPoint m : c.ownMounts()) {
                if (m.isVolume() && m.anonymous()) {
                    try {
                        volumes.removeIfUnused(m.name());
                    } catch (RuntimeException e) {
                        log.warn("removing volume {} of {}: {}", m.name(), c.shortId(), e.getMessage());
                    }
                }
            }
        }
    }
}
