package dev.purser.engine.container;

import dev.purser.engine.network.Endpoint;
import dev.purser.engine.network.EndpointConfig;
import dev.purser.engine.network.Ipv4Address;
import dev.purser.engine.network.Network;
import dev.purser.engine.network.NetworkEvents;
import dev.purser.engine.network.NetworkRefusedException;
import dev.purser.engine.network.Networks;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A container's networks after its create: {@code network connect} and {@code disconnect}, with
 * Docker's rules and words (moby's daemon/container_operations.go). A created or stopped
 * container's stored endpoint configs change alone; a running one also gets (or loses) an
 * interface in its namespace, its default route follows its gateway network, and its peers'
 * hosts files and its own are rewritten at once (docs/decisions/0046). The caller holds the
 * container's lock.
 */
final class NetworkConnections {
    private final ContainerStore store;
    private final Networks networks;
    private final NetworkPeers peers;
    private final NetworkEvents events;

    NetworkConnections(ContainerStore store, Networks networks, NetworkPeers peers, NetworkEvents events) {
        this.store = store;
        this.networks = networks;
        this.peers = peers;
        this.events = events;
    }

    /**
     * A network mode naming a network (not host, none or container:) must name one that exists;
     * Docker's words, a 400 as NetworkNames explains (docs/decisions/0010).
     */
    private void requireNetwork(String networkMode) {
        if (Networks.bridged(networkMode) && networks.find(Networks.networkName(networkMode)).isEmpty()) {
            throw new IllegalArgumentException("network " + networkMode + " not found");
        }
    }

    /**
     * The networks a create puts the container on (its NetworkMode must name one that exists): its NetworkMode's first, then the others its
     * EndpointsConfig names (API 1.44 and later), each checked with Docker's rules; none for
     * host, none and {@code container:}, which go with no other network.
     */
    List<EndpointConfig> atCreate(CreateRequest request) {
        requireNetwork(request.hostConfig().networkMode());
        String mode = request.hostConfig().networkMode();
        Optional<Network> primary = Networks.bridged(mode) ? networks.find(Networks.networkName(mode)) : Optional.empty();
        List<EndpointConfig> out = new ArrayList<>();
        primary.ifPresent(p -> out.add(checked(p, request.endpoints().stream()
                .filter(e -> networks.find(Networks.networkName(e.network())).filter(p::equals).isPresent()).findFirst()
                .orElse(EndpointConfig.plain(p.name())))));
        for (EndpointConfig asked : request.endpoints()) {
            if (!Networks.bridged(mode) && Networks.networkName(asked.network()).equals(Networks.networkName(mode))) {
                continue;   // the docker CLI names the mode's own "network" (host, none, container:X) too
            }
            Network n = networks.find(Networks.networkName(asked.network()))
                    .orElseThrow(() -> new IllegalArgumentException("network " + asked.network() + " not found"));
            if (out.stream().anyMatch(e -> e.isFor(n))) {
                continue;
            }
            boolean modesOwn = n.name().equals(Networks.networkName(mode));
            if (modesOwn) {
                checked(n, asked);   // host and none: no alias, no address
                continue;
            }
            refuseMixing(mode, n);
            out.add(checked(n, asked));
        }
        return out;
    }

    /**
     * Docker's checks of what a container asks for on network {@code n}, at create and at
     * connect: addresses and aliases only on user-defined networks, an address only on a
     * network whose subnet was given, and inside it. The config returned names the network by
     * its name and id.
     */
    static EndpointConfig checked(Network n, EndpointConfig asked) {
        List<String> errors = new ArrayList<>();
        boolean userDefined = !n.builtin();
        if (!userDefined && asked.ipv4Address() != null) {
            errors.add("user specified IP address is supported on user defined networks only");
        }
        if (!userDefined && !asked.aliases().isEmpty()) {
            errors.add("network-scoped alias is supported only for containers in user defined networks");
        }
        if (asked.ipv4Address() != null) {
            Ipv4Address address = null;
            try {
                address = Ipv4Address.parse(asked.ipv4Address());
            } catch (IllegalArgumentException e) {
                errors.add("invalid IPv4 address: " + asked.ipv4Address());
            }
            if (address != null && userDefined) {
                if (!n.subnetConfigured()) {
                    errors.add("user specified IP address is supported only when connecting to networks with user configured subnets");
                } else if (!n.subnet().contains(address)) {
                    errors.add("no configured subnet or ip-range contain the IP address " + asked.ipv4Address());
                }
            }
        }
        if (!errors.isEmpty()) {
            throw new IllegalArgumentException("invalid endpoint settings:\n" + String.join("\n", errors));
        }
        return new EndpointConfig(n.name(), n.id(), asked.aliases(), asked.ipv4Address());
    }

    /**
     * Docker's conflicts between the networks a container is on: host, none and another
     * container's namespace go with no other network.
     */
    static void refuseMixing(String networkMode, Network n) {
        String mode = Networks.networkName(networkMode);
        if (n.driver().equals("host") && !mode.equals("host")) {
            throw new IllegalArgumentException("cannot connect container to host network - container must be created in host network mode");
        }
        if (mode.equals("host") || mode.startsWith("container:")) {
            throw new IllegalArgumentException(
                    "container sharing network namespace with another container or host cannot be connected to any other network");
        }
        if (mode.equals("none") || n.name().equals("none")) {
            throw new IllegalArgumentException(
                    "container cannot be connected to multiple networks with one of the networks in private (none) mode");
        }
    }

    /**
     * Connects the container to {@code n} with {@code asked}; {@code pid} is its running process,
     * or 0 when it does not run. Connecting a stopped container again changes nothing, as Docker's.
     */
    void connect(Container c, Network n, EndpointConfig asked, int pid) {
        refuseRemoval(c);
        String mode = Networks.networkName(c.hostConfig().networkMode());
        boolean already = c.endpointConfigs().stream().anyMatch(e -> e.isFor(n)) || mode.equals(n.name()) && !Networks.bridged(mode);
        if (already && pid == 0) {
            return;
        }
        if (!already) {
            refuseMixing(c.hostConfig().networkMode(), n);
        }
        EndpointConfig config = checked(n, asked);
        if (already) {
            throw new NetworkRefusedException(NetworkRefusedException.Reason.ENDPOINT_EXISTS,
                    "endpoint with name " + c.shortName() + " already exists in network " + n.name());
        }
        List<EndpointConfig> now = new ArrayList<>(c.endpointConfigs());
        now.add(config);
        if (pid == 0) {
            store.update(c.id(), cur -> cur.withEndpoints(now));
            return;
        }
        networks.attach(c.id(), config, pid, networks.nextInterface(pid), false);
        Container connected;
        try {
            connected = store.update(c.id(), cur -> cur.withEndpoints(now)).orElseThrow();
            networks.routeThroughGateway(pid, peers.endpoints(connected));
        } catch (RuntimeException e) {
            networks.detach(c.id(), n.id());
            store.update(c.id(), cur -> cur.withEndpoints(c.endpointConfigs()));
            throw e;
        }
        peers.rewrite(connected);
        peers.refresh(n.id(), c.id());
        events.connected(n, c.id());
    }

    /**
     * Disconnects the container from {@code n}; {@code pid} as for {@link #connect}. Docker's
     * errors for a container not on the network (500) and for the host network of a container
     * made on it (400).
     */
    void disconnect(Container c, Network n, int pid) {
        refuseRemoval(c);
        if (n.driver().equals("host") && c.hostConfig().hostNetwork()) {
            throw new IllegalArgumentException("cannot disconnect container from host network - container was created in host network mode");
        }
        List<EndpointConfig> now = new ArrayList<>(c.endpointConfigs());
        if (!now.removeIf(e -> e.isFor(n))) {
            throw new NetworkRefusedException(NetworkRefusedException.Reason.NOT_CONNECTED, pid == 0
                    ? "container " + c.id() + " is not connected to the network " + n.name()
                    : "container " + c.id() + " is not connected to network " + n.name());
        }
        Container disconnected = store.update(c.id(), cur -> cur.withEndpoints(now)).orElseThrow();
        if (pid == 0) {
            return;
        }
        peers.detach(disconnected, n.id());
        List<Endpoint> left = peers.endpoints(disconnected);
        networks.routeThroughGateway(pid, left);
        peers.rewrite(disconnected);
        events.disconnected(n, c.id());
    }

    private static void refuseRemoval(Container c) {
        if (c.state().removalInProgress() || c.state().dead()) {
            throw new IllegalStateException("Container " + c.id()
                    + " is marked for removal and cannot be connected or disconnected to the network");
        }
    }
}
