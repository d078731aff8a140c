package dev.purser.engine.container;

import dev.purser.engine.network.Endpoint;
import dev.purser.engine.network.EndpointConfig;
import dev.purser.engine.network.EtcFiles;
import dev.purser.engine.network.ExtraHost;
import dev.purser.engine.network.IpLiteral;
import dev.purser.engine.network.Network;
import dev.purser.engine.network.Networks;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Name resolution on user-defined networks without an embedded DNS server: every running
 * container has each of its peers on each of its user-defined networks (name, short id and the
 * peer's aliases there) in its /etc/hosts, and the peers' files are rewritten in place when one
 * starts, stops, is renamed, connects or disconnects (docs/decisions/0044, 0046).
 */
final class NetworkPeers {
    private static final Logger log = LoggerFactory.getLogger(NetworkPeers.class);

    private final ContainerStore store;
    private final Networks networks;
    private final EtcFiles etcFiles;

    NetworkPeers(ContainerStore store, Networks networks, EtcFiles etcFiles) {
        this.store = store;
        this.networks = networks;
        this.etcFiles = etcFiles;
    }

    /** The container's endpoints now, in gateway order (its eth0 first at start). */
    List<Endpoint> endpoints(Container c) {
        List<Endpoint> out = new ArrayList<>();
        for (EndpointConfig config : networks.inGatewayOrder(c.endpointConfigs())) {
            networks.network(config).flatMap(n -> networks.endpoint(c.id(), n.id())).ifPresent(out::add);
        }
        return out;
    }

    /** The container's own addresses, as its hosts file lists them (one line each, as Docker's). */
    static List<IpLiteral> addresses(List<Endpoint> endpoints) {
        return endpoints.stream().map(e -> IpLiteral.parse(e.address().toString())).toList();
    }

    /** The hosts entries of the containers sharing a user-defined network with {@code c}, by address. */
    List<ExtraHost> of(Container c, List<Endpoint> own) {
        List<ExtraHost> out = new ArrayList<>();
        for (Endpoint mine : own) {
            if (mine.networkId().equals(networks.bridgeNetwork().id())) {
                continue;
            }
            for (String peer : networks.attachedContainers(mine.networkId())) {
                if (peer.equals(c.id())) {
                    continue;
                }
                Optional<Container> p = store.get(peer);
                Optional<Endpoint> e = networks.endpoint(peer, mine.networkId());
                if (p.isPresent() && e.isPresent()) {
                    out.add(new ExtraHost(names(p.get(), mine.networkId()), e.get().address().toString()));
                }
            }
        }
        return out;
    }

    /** A peer's names on a network, as Docker's DNS answers them: name, aliases there, short id, hostname. */
    private String names(Container peer, String networkId) {
        Optional<Network> n = networks.find(networkId);
        EndpointConfig config = n.flatMap(network -> peer.endpointConfigs().stream().filter(e -> e.isFor(network)).findFirst())
                .orElse(EndpointConfig.plain(""));
        return String.join(" ", peer.dnsNames(config));
    }

    /** Rewrites the running container's own hosts file in place: its addresses and its peers now. */
    void rewrite(Container c) {
        List<Endpoint> own = endpoints(c);
        try {
            etcFiles.rewriteHosts(store.directory(c.id()), ProcessPlans.etcIdentity(c, addresses(own), of(c, own)));
        } catch (RuntimeException ex) {
            log.warn("rewriting the hosts file of container {}: {}", c.shortId(), ex.getMessage());
        }
    }

    /** Rewrites the hosts file of every container on {@code networkId} but {@code exceptId} with its peers now. */
    void refresh(String networkId, String exceptId) {
        if (networkId.equals(networks.bridgeNetwork().id())) {
            return;   // the default bridge resolves no names but links'
        }
        for (String peer : networks.attachedContainers(networkId)) {
            if (!peer.equals(exceptId)) {
                store.get(peer).ifPresent(this::rewrite);
            }
        }
    }

    /** The peers of a renamed container, on every user-defined network it is attached to, see its new name now. */
    void renamed(String containerId) {
        store.get(containerId).ifPresent(c -> endpoints(c).forEach(e -> refresh(e.networkId(), containerId)));
    }

    /** Takes the container off every network it is on and tells the peers it left. */
    void detach(String containerId) {
        List<String> were = new ArrayList<>();
        store.get(containerId).ifPresent(c -> endpoints(c).forEach(e -> were.add(e.networkId())));
        networks.detach(containerId);
        were.forEach(id -> refresh(id, containerId));
    }

    /** Takes the running container off the network {@code networkId} alone; it and the peers there forget each other. */
    void detach(Container c, String networkId) {
        networks.detach(c.id(), networkId);
        refresh(networkId, c.id());
    }
}
