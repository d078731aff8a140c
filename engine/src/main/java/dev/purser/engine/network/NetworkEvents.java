package dev.purser.engine.network;

import dev.purser.engine.event.EventBus;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Docker's network events: {@code create} and {@code destroy} of a network, {@code connect} and
 * {@code disconnect} of a container (at its start and stop, as moby's daemon sends them). The
 * actor is the network's id; the attributes its {@code name} and driver as {@code type}, and for
 * the container ones the container's id as {@code container}.
 */
public final class NetworkEvents {
    private final EventBus events;

    public NetworkEvents(EventBus events) {
        this.events = events;
    }

    public void created(Network n) {
        publish(n, "create", Map.of());
    }

    public void destroyed(Network n) {
        publish(n, "destroy", Map.of());
    }

    public void connected(Network n, String containerId) {
        publish(n, "connect", Map.of("container", containerId));
    }

    public void disconnected(Network n, String containerId) {
        publish(n, "disconnect", Map.of("container", containerId));
    }

    /**
     * The networks a container's start or exit is an event of: each one it has an interface on
     * ({@code endpoints}), or the host or none network its mode names; none for {@code container:X}.
     */
    public static List<Network> ofContainer(Networks networks, String networkMode, List<Endpoint> endpoints) {
        if (endpoints.isEmpty()) {
            return ofMode(networks, networkMode).stream().toList();
        }
        return endpoints.stream().flatMap(e -> networks.find(e.networkId()).stream()).toList();
    }

    /**
     * The network a container's NetworkMode puts it on (bridge, host, none or a user-defined
     * one); none for {@code container:X}, whose namespace is another container's.
     */
    private static Optional<Network> ofMode(Networks networks, String networkMode) {
        String name = Networks.networkName(networkMode);
        if (name.startsWith("container:")) {
            return Optional.empty();
        }
        return networks.find(name);
    }

    private void publish(Network n, String action, Map<String, String> extra) {
        Map<String, String> attributes = new HashMap<>(extra);
        attributes.put("name", n.name());
        attributes.put("type", n.driver());
        events.publish("network", action, n.id(), attributes);
    }
}
