package dev.purser.engine.container;

import dev.purser.engine.container.naming.ContainerId;
import dev.purser.engine.container.naming.ContainerName;
import dev.purser.engine.container.naming.NameGenerator;
import java.util.Optional;

/**
 * The names the containers in {@code store} hold: each is unique, so a create or a rename
 * asking for a held one is refused with Docker's words. The caller holds the engine's name lock
 * from the check until the name is written.
 */
record ContainerNames(ContainerStore store, NameGenerator generator) {
    /** A generated name no container holds (Docker's adjective_surname). */
    ContainerName unique(ContainerId id) {
        return generator.unique(id, n -> store.named(n.value()).isPresent());
    }

    void refuseInUse(ContainerName name) {
        Optional<Container> holder = store.named(name.value());
        if (holder.isPresent()) {
            throw new ContainerConflictException("Conflict. The container name \"" + name.value()
                    + "\" is already in use by container \"" + holder.get().id()
                    + "\". You have to remove (or rename) that container to be able to reuse that name.");
        }
    }
}
