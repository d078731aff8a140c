package dev.purser.engine.container;

import dev.purser.engine.container.naming.ContainerLookupException;
import dev.purser.engine.network.ContainerLink;
import dev.purser.engine.network.Endpoint;
import dev.purser.engine.network.EtcFiles;
import dev.purser.engine.network.ExtraHost;
import dev.purser.engine.network.IpLiteral;
import dev.purser.engine.network.LinkEnvironment;
import dev.purser.engine.network.LinkedPorts;
import dev.purser.engine.network.Networks;
import dev.purser.engine.network.ports.ContainerPort;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code --link} between containers (docs/decisions/0043): the targets a create names, checked
 * as Docker registers them; what a linker gets at start, kept current when a target starts again
 * with another address; and the stored links kept current when a container is renamed or removed. The caller holds whatever locks the operation needs.
 */
final class ContainerLinks {
    private static final Logger log = LoggerFactory.getLogger(ContainerLinks.class);
    private final ContainerStore store;
    private final Networks networks;
    /** A container by name or id, or a ContainerLookupException (Containers.get). */
    private final Function<String, Container> get;
    /** Whether the container's process runs now. */
    private final Predicate<Container> running;
    private final EtcFiles etcFiles;
    /**
     * What each linker's hosts file and firewall were given at its start, one entry per link, by
     * linker id; a target that starts again with another address changes its entries.
     */
    private final Map<String, List<Given>> given = new HashMap<>();

    /** One link as its linker has it now: the target's id, its hosts entry and its opened ports. */
    private record Given(String targetId, ExtraHost host, LinkedPorts ports) {}

    ContainerLinks(ContainerStore store, Networks networks, Function<String, Container> get, Predicate<Container> running,
                   EtcFiles etcFiles) {
        this.store = store;
        this.networks = networks;
        this.get = get;
        this.running = running;
        this.etcFiles = etcFiles;
    }

    /**
     * The containers a create's {@code --link}s name, in their order, checked as Docker
     * registers links at create (moby's registerLinks): each must exist; a target that joins
     * another's network namespace stands for that one, and one on the host's network cannot be
     * linked. Links exist on the default bridge only.
     */
    List<Container> targets(HostConfig host) {
        List<ContainerLink> links;
        try {
            links = host.containerLinks();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        if (links.isEmpty()) {
            return List.of();
        }
        if (!Networks.onBridge(host.networkMode())) {
            throw new IllegalArgumentException("conflicting options: " + host.networkMode()
                    + " type networking can't be used with links: purser makes links on the default bridge only");
        }
        List<Container> targets = new ArrayList<>();
        java.util.Set<String> aliases = new java.util.HashSet<>();
        for (ContainerLink link : links) {
            if (!aliases.add(link.alias())) {
                throw new ContainerConflictException("Conflict. The link alias \"" + link.alias()
                        + "\" is given twice: each --link needs an alias of its own");
            }
            Container target;
            try {
                target = get.apply(link.target());
            } catch (ContainerLookupException e) {
                throw new IllegalArgumentException("could not get container for " + link.target() + ": " + e.getMessage(), e);
            }
            Container owner = target;
            while (owner.hostConfig().networkContainer() != null) {
                String joined = owner.hostConfig().networkContainer();
                try {
                    owner = get.apply(joined);
                } catch (ContainerLookupException e) {
                    throw new IllegalArgumentException("Could not get container for " + joined + ": " + e.getMessage(), e);
                }
            }
            if (owner.hostConfig().hostNetwork()) {
                throw new IllegalArgumentException(
                        "conflicting options: host type networking can't be used with links. This would result in undefined behavior");
            }
            targets.add(target);
        }
        return targets;
    }

    /**
     * What the container's links give it at start (moby's setupLinkedContainers): every target
     * must run on the bridge; its address goes into the hosts file under the alias, its
     * hostname and its name, and Docker's variables into the environment.
     */
    ContainerLauncher.LinkedTargets atStart(Container c) {
        List<ContainerLink> links = c.hostConfig().containerLinks();
        if (links.isEmpty()) {
            return ContainerLauncher.LinkedTargets.NONE;
        }
        List<String> env = new ArrayList<>();
        List<Given> gave = new ArrayList<>();
        for (ContainerLink link : links) {
            Optional<Container> found = store.named("/" + link.target());
            if (found.isEmpty()) {
                continue; // removed since: Docker drops a link with its target
            }
            Container target = found.get();
            Container owner = target;
            while (owner.hostConfig().networkContainer() != null) {
                Optional<Container> joined = lookup(owner.hostConfig().networkContainer());
                if (joined.isEmpty()) {
                    break;
                }
                owner = joined.get();
            }
            String fullName = link.fullName(c.name());
            if (!running.test(owner)) {
                throw new ContainerStartException("Cannot link to a non running container: " + target.name() + " AS "
                        + fullName, 125, null);
            }
            Optional<Endpoint> endpoint = networks.endpoint(owner.id());
            if (endpoint.isEmpty()) {
                throw new ContainerStartException("Cannot link to " + target.name()
                        + ", as it does not belong to the default network", 125, null);
            }
            String ip = endpoint.get().address().toString();
            String names = link.alias() + " " + target.config().hostname();
            if (!link.alias().equals(target.name().substring(1))) {
                names += " " + target.name().substring(1);
            }
            env.addAll(LinkEnvironment.of(fullName, ip, target.config().env(), target.config().exposedPorts().keySet()));
            gave.add(new Given(target.id(), new ExtraHost(names, ip), new LinkedPorts(endpoint.get().address(),
                    target.config().exposedPorts().keySet().stream().map(ContainerPort::parse).toList())));
        }
        synchronized (given) {
            given.put(c.id(), List.copyOf(gave));
        }
        return new ContainerLauncher.LinkedTargets(env, gave.stream().map(Given::host).toList(),
                gave.stream().map(Given::ports).toList());
    }

    /** The linker no longer runs: nothing of its links is to be kept current. */
    void stopped(String linkerId) {
        synchronized (given) {
            given.remove(linkerId);
        }
    }

    /**
     * A container that started on the default bridge (or joined the network of one there): every
     * running linker that has it as a target gets its new address in its hosts file, and with
     * {@code --icc=false} the link's ports opened to it, as Docker updates the linkers of a
     * restarted target. Failures are logged: the target's start stands.
     */
    void started(Container target) {
        Container owner = target;
        while (owner.hostConfig().networkContainer() != null) {
            Optional<Container> joined = lookup(owner.hostConfig().networkContainer());
            if (joined.isEmpty()) {
                return;
            }
            owner = joined.get();
        }
        Optional<Endpoint> endpoint = networks.endpoint(owner.id());
        if (endpoint.isEmpty()) {
            return;
        }
        String ip = endpoint.get().address().toString();
        synchronized (given) {
            for (Map.Entry<String, List<Given>> entry : given.entrySet()) {
                List<Given> now = new ArrayList<>();
                boolean moved = false;
                for (Given g : entry.getValue()) {
                    if (g.targetId().equals(target.id()) && !g.host().ip().equals(ip)) {
                        now.add(new Given(g.targetId(), new ExtraHost(g.host().name(), ip),
                                new LinkedPorts(endpoint.get().address(), g.ports().ports())));
                        moved = true;
                    } else {
                        now.add(g);
                    }
                }
                if (moved) {
                    entry.setValue(List.copyOf(now));
                    rewrite(entry.getKey(), now);
                }
            }
        }
    }

    private void rewrite(String linkerId, List<Given> links) {
        Optional<Container> linker = store.get(linkerId).filter(running);
        Optional<Endpoint> own = networks.endpoint(linkerId);
        if (linker.isEmpty() || own.isEmpty()) {
            return;
        }
        try {
            etcFiles.rewriteHosts(store.directory(linkerId), ProcessPlans.etcIdentity(linker.get(),
                    List.of(IpLiteral.parse(own.get().address().toString())), links.stream().map(Given::host).toList()));
            networks.reopenLinks(linkerId, links.stream().map(Given::ports).toList());
        } catch (RuntimeException e) {
            log.warn("updating the links of container {}: {}", linker.get().shortId(), e.getMessage());
        }
    }

    private Optional<Container> lookup(String reference) {
        try {
            return Optional.of(get.apply(reference));
        } catch (ContainerLookupException e) {
            return Optional.empty();
        }
    }

    /** The ids of the containers the container's links name, those that still exist. */
    List<String> targetIds(Container c) {
        List<String> out = new ArrayList<>();
        for (ContainerLink link : c.hostConfig().containerLinks()) {
            store.named("/" + link.target()).ifPresent(t -> out.add(t.id()));
        }
        return out;
    }

    static List<String> stored(List<ContainerLink> links, List<Container> targets, String linkerName) {
        List<String> stored = new ArrayList<>();
        for (int i = 0; i < links.size(); i++) {
            stored.add(links.get(i).stored(targets.get(i).name(), linkerName));
        }
        return stored;
    }

    /** A rename changes the stored links that name the container, as a target or as the linker. */
    void renamed(String oldName, String newName) {
        String oldBare = oldName.substring(1);
        String newBare = newName.startsWith("/") ? newName.substring(1) : newName;
        for (Container other : store.all()) {
            List<String> links = other.hostConfig().links();
            if (links == null) {
                continue;
            }
            List<String> changed = new ArrayList<>();
            for (String stored : links) {
                ContainerLink link = ContainerLink.parse(stored);
                String linker = stored.substring(stored.indexOf(':') + 2, stored.lastIndexOf('/'));
                changed.add(link.stored(link.target().equals(oldBare) ? newBare : link.target(),
                        linker.equals(oldBare) ? newBare : linker));
            }
            if (!changed.equals(links)) {
                store.update(other.id(), cur -> cur.withHostConfig(cur.hostConfig().withLinks(changed)));
            }
        }
    }

    /** A removed container's links go from the containers that had it as a target, as Docker's do. */
    void dropTo(String removedName) {
        String bare = removedName.substring(1);
        for (Container other : store.all()) {
            List<String> links = other.hostConfig().links();
            if (links == null) {
                continue;
            }
            List<String> kept = links.stream().filter(l -> !ContainerLink.parse(l).target().equals(bare)).toList();
            if (kept.size() != links.size()) {
                store.update(other.id(), cur -> cur.withHostConfig(cur.hostConfig().withLinks(kept)));
            }
        }
    }
}
