package dev.purser.engine.container.naming;

import java.util.Objects;

/** The two things the resolver needs to know about a container: its id and its name. */
public record ContainerRef(ContainerId id, ContainerName name) {
    public ContainerRef {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
    }
}
