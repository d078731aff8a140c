package dev.purser.engine.container.naming;

import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * Turns what a user typed into one container, with Docker's precedence: an exact full id first,
 * then an exact name (with or without the leading slash), then a unique id prefix. It works over
 * a plain collection of (id, name) pairs so it does not depend on how containers are stored.
 */
public final class ContainerResolver {
    private final Collection<ContainerRef> containers;

    public ContainerResolver(Collection<ContainerRef> containers) {
        this.containers = List.copyOf(Objects.requireNonNull(containers, "containers"));
    }

    /** @throws ContainerLookupException with Docker's message when nothing or several match */
    public ContainerRef resolve(String typed) {
        Objects.requireNonNull(typed, "typed");
        if (typed.isEmpty()) {
            throw ContainerLookupException.invalid(typed);
        }
        for (ContainerRef c : containers) {
            if (c.id().value().equals(typed)) {
                return c;
            }
        }
        String storedName = typed.startsWith("/") ? typed : "/" + typed;
        for (ContainerRef c : containers) {
            if (c.name().value().equals(storedName)) {
                return c;
            }
        }
        ContainerRef found = null;
        for (ContainerRef c : containers) {
            if (c.id().value().startsWith(typed)) {
                if (found != null) {
                    throw ContainerLookupException.ambiguous(typed);
                }
                found = c;
            }
        }
        if (found == null) {
            throw ContainerLookupException.notFound(typed);
        }
        return found;
    }
}
