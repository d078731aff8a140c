package dev.purser.engine.container;

import dev.purser.engine.network.EndpointConfig;
import dev.purser.engine.network.Network;
import dev.purser.engine.network.Networks;

/**
 * {@code network connect} and {@code disconnect} as clients ask for them, by network and
 * container reference: each change is made under the container's lock by
 * {@link NetworkConnections}, with the container's process while it runs.
 */
public final class NetworkChanges {
    private final ContainerLookup containers;
    private final ContainerLocks locks;
    private final ContainerStore store;
    private final Networks networks;
    private final NetworkConnections connections;

    NetworkChanges(ContainerLookup containers, ContainerLocks locks,
            ContainerStore store, Networks networks, NetworkConnections connections) {
        this.containers = containers;
        this.locks = locks;
        this.store = store;
        this.networks = networks;
        this.connections = connections;
    }

    /**
     * {@code network connect}: the container joins {@code networkReference} with what
     * {@code asked} says (aliases, address); a running one gets its interface at once, and its
     * peers there resolve it at once. Docker's errors: 404 for either missing.
     */
    public void connect(String networkReference, String reference, EndpointConfig asked) {
        change(networkReference, reference, (c, n, pid) -> connections.connect(c, n, asked, pid));
    }

    /** {@code network disconnect}: the container leaves the network; a running one loses its interface there at once. */
    public void disconnect(String networkReference, String reference) {
        change(networkReference, reference, connections::disconnect);
    }

    /** A change of a container's networks; {@code pid} is its process while it runs, else 0. */
    private interface Change {
        void apply(Container c, Network n, int pid);
    }

    private void change(String networkReference, String reference, Change change) {
        Network n = networks.find(networkReference)
                .orElseThrow(() -> new java.util.NoSuchElementException("network " + networkReference + " not found"));
        String id = containers.get(reference).id();
        try (ContainerLocks.Held held = locks.lock(id)) {
            Container c = store.current(id, reference);
            RunningContainer rc = containers.process(id);
            change.apply(c, n, rc == null || !c.state().running() ? 0 : rc.pid);
        }
    }
}
