package dev.purser.engine.container;

import dev.purser.engine.mount.MountPoint;
import dev.purser.engine.network.Endpoint;
import dev.purser.engine.network.NetworkEvents;
import dev.purser.engine.network.Networks;
import dev.purser.engine.volume.Volumes;
import java.util.List;
import java.util.Map;

/**
 * What a container's process starting and ending tells the rest of the engine and the clients:
 * its volumes are in use (and then not), its networks see it connect and disconnect, and the
 * container's own {@code start} and {@code die} events, in Docker's order.
 */
record RunEvents(ContainerEvents events, NetworkEvents networkEvents, Networks networks, Volumes volumes) {
    /** The process of {@code started} runs, with an interface on each of {@code endpoints}. */
    void started(Container started, List<Endpoint> endpoints) {
        for (MountPoint m : started.ownMounts()) {
            if (m.isVolume()) {
                volumes.mounted(m.name(), started.id(), m.destination(), m.rw(), m.propagation());
            }
        }
        // Docker's order: the network connects, then the container's start
        NetworkEvents.ofContainer(networks, started.hostConfig().networkMode(), endpoints)
                .forEach(n -> networkEvents.connected(n, started.id()));
        events.publish(started, "start");
    }

    /** The process of {@code exited} (its record after the exit) ended with {@code code}. */
    void died(Container exited, int code) {
        events.publish(exited, "die", Map.of("exitCode", Integer.toString(code)));
    }

    /** The ended process of {@code c} (its record before the exit) had its interfaces on {@code left}. */
    void left(Container c, List<Endpoint> left) {
        NetworkEvents.ofContainer(networks, c.hostConfig().networkMode(), left)
                .forEach(n -> networkEvents.disconnected(n, c.id()));
        c.ownMounts().stream().filter(MountPoint::isVolume).forEach(m -> volumes.unmounted(m.name(), c.id()));
    }
}
