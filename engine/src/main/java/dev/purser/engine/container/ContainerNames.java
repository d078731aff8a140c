package dev.purser.engine.container;

import dev.purser.engine.container.naming.ContainerId;
import dev.purser.engine.container.naming.ContainerName;
import dev.purser.engine.container.naming.NameGenerator;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The names the containers hold: each unique, so a create or a rename asking for a held one is
 * refused with Docker's words; generated when a create gives none; changed by {@code rename},
 * with the links and the network peers that know the old name following. Names are checked and
 * taken under the engine's name lock.
 */
final class ContainerNames {
    private final ContainerStore store;
    private final NameGenerator generator;
    private final Function<String, Container> lookup;
    private final ContainerLocks locks;
    private final Object nameLock;
    private final ContainerLinks links;
    private final NetworkPeers peers;
    private final ContainerEvents events;

    ContainerNames(ContainerStore store, NameGenerator generator, Function<String, Container> lookup, ContainerLocks locks,
            Object nameLock, ContainerLinks links, NetworkPeers peers, ContainerEvents events) {
        this.store = store;
        this.generator = generator;
        this.lookup = lookup;
        this.locks = locks;
        this.nameLock = nameLock;
        this.links = links;
        this.peers = peers;
        this.events = events;
    }

    /** A generated name no container holds (Docker's adjective_surname); the caller holds the name lock. */
    ContainerName unique(ContainerId id) {
        return generator.unique(id, n -> store.named(n.value()).isPresent());
    }

    /** Refuses a name another container holds; the caller holds the name lock. */
    void refuseInUse(ContainerName name) {
        Optional<Container> holder = store.named(name.value());
        if (holder.isPresent()) {
            throw new ContainerConflictException("Conflict. The container name \"" + name.value()
                    + "\" is already in use by container \"" + holder.get().id()
                    + "\". You have to remove (or rename) that container to be able to reuse that name.");
        }
    }

    void rename(String reference, String newName) {
        String id = lookup.apply(reference).id();
        try (ContainerLocks.Held held = locks.lock(id)) {
            synchronized (nameLock) {
                Container c = store.current(id, reference);
                ContainerName name = ContainerName.of(newName);
                if (name.value().equals(c.name())) {
                    throw new ContainerConflictException("Renaming a container with the same name as its current name");
                }
                refuseInUse(name);
                Container renamed = store.update(id, cur -> cur.withName(name.value())).orElseThrow();
                links.renamed(c.name(), name.value());
                peers.renamed(id);
                events.publish(renamed, "rename", Map.of("oldName", c.name()));
            }
        }
    }
}
