package dev.purser.engine.container;

import dev.purser.engine.network.Endpoint;
import dev.purser.engine.network.EtcFiles;
import dev.purser.engine.network.ExtraHost;
import dev.purser.engine.network.IpLiteral;
import dev.purser.engine.network.Networks;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Name resolution on a user-defined network without an embedded DNS server: every running
 * container on the network has each of its peers (name and short id) in its /etc/hosts, and the
 * peers' files are rewritten in place when one starts, stops or is renamed (docs/decisions/0044).
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

    /** The hosts entries of the containers on {@code networkId} other than {@code containerId}, by address. */
    List<ExtraHost> of(String containerId, String networkId) {
        List<ExtraHost> out = new ArrayList<>();
        for (String peer : networks.attachedContainers(networkId)) {
            if (peer.equals(containerId)) {
                continue;
            }
            Optional<Container> c = store.get(peer);
            Optional<Endpoint> e = networks.endpoint(peer, networkId);
            if (c.isPresent() && e.isPresent()) {
                out.add(new ExtraHost(c.get().shortName() + " " + c.get().shortId(), e.get().address().toString()));
            }
        }
        return out;
    }

    /** Rewrites the hosts file of every container on {@code networkId} but {@code exceptId} with its peers now. */
    void refresh(String networkId, String exceptId) {
        for (String peer : networks.attachedContainers(networkId)) {
            if (peer.equals(exceptId)) {
                continue;
            }
            Optional<Container> c = store.get(peer);
            Optional<Endpoint> e = networks.endpoint(peer, networkId);
            if (c.isEmpty() || e.isEmpty()) {
                continue;
            }
            try {
                etcFiles.rewriteHosts(store.directory(peer), ProcessPlans.etcIdentity(c.get(),
                        List.of(IpLiteral.parse(e.get().address().toString())), of(peer, networkId)));
            } catch (RuntimeException ex) {
                log.warn("rewriting the hosts file of container {}: {}", c.get().shortId(), ex.getMessage());
            }
        }
    }

    /** The peers of a renamed container, on every user-defined network it is attached to, see its new name now. */
    void renamed(String containerId) {
        for (dev.purser.engine.network.Network n : networks.list()) {
            if (!n.builtin() && networks.attachedContainers(n.id()).contains(containerId)) {
                refresh(n.id(), containerId);
            }
        }
    }

    /** Takes the container off its network and tells the peers it left. */
    void detach(String containerId) {
        Optional<String> networkId = store.get(containerId)
                .filter(c -> Networks.bridged(c.hostConfig().networkMode()) && !Networks.onBridge(c.hostConfig().networkMode()))
                .flatMap(c -> networks.find(Networks.networkName(c.hostConfig().networkMode())))
                .map(dev.purser.engine.network.Network::id);
        networks.detach(containerId);
        networkId.ifPresent(id -> refresh(id, containerId));
    }
}
