package dev.purser.engine.container;

import dev.purser.engine.network.Endpoint;
import dev.purser.engine.network.Networks;
import dev.purser.engine.network.ports.PortPublisher;
import dev.purser.engine.network.ports.PortRequest;
import dev.purser.engine.network.ports.Publication;
import dev.purser.engine.network.ports.PublishedPort;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The published ports of the running containers: bound before a container's process runs
 * (Docker programs them before the process starts too), forwarded to its gateway endpoint once
 * it has one, released when it exits.
 */
final class ContainerPorts {
    private final PortPublisher publisher;
    /** Held from before each container's process runs until it exits. */
    private final Map<String, Publication> publications = new ConcurrentHashMap<>();

    ContainerPorts(PortPublisher publisher) {
        this.publisher = publisher;
    }

    /**
     * What a container asks to publish: its bindings, and with {@code -P} every exposed port (the
     * image's and its own). Refuses a bad request, which create uses to check one early.
     */
    static PortRequest request(HostConfig host, Map<String, ?> imageExposed, Map<String, ?> exposed) {
        Map<String, Object> all = new TreeMap<>(imageExposed);
        all.putAll(exposed);
        return PortRequest.of(host.portBindings(), host.publishAllPorts(), all);
    }

    /**
     * Binds the host ports the container asks for. Only a container on a bridge has ports
     * published: on the host's network, or on none, Docker discards its bindings (create warned),
     * and {@code container:} refuses them at create.
     */
    Publication reserve(Container c) {
        PortRequest request = !Networks.bridged(c.hostConfig().networkMode())
                ? PortRequest.of(Map.of(), false, Map.of())
                : request(c.hostConfig(), Map.of(), c.config().exposedPorts());
        return publisher.reserve(c.id(), c.shortName(), request);
    }

    /**
     * The started container's ports, forwarded to the first of its endpoints in gateway order:
     * the one that gives it its default route, where Docker programs port mappings; nothing is
     * forwarded for a container on no bridge.
     */
    void started(String containerId, Publication publication, List<Endpoint> endpoints) {
        endpoints.stream().findFirst().ifPresent(e -> publication.forwardTo(e.address().inet()));
        publications.put(containerId, publication);
    }

    void release(String containerId) {
        Optional.ofNullable(publications.remove(containerId)).ifPresent(Publication::close);
    }

    /**
     * The container's ports as NetworkSettings.Ports lists them: while it runs, every exposed or
     * published port with the host addresses it is published on (an empty list for an exposed
     * one); empty when it does not run, as Docker's.
     */
    Map<String, List<PublishedPort>> of(Container c, boolean running) {
        Publication p = publications.get(c.id());
        if (p == null || !running) {
            return Map.of();
        }
        Map<String, List<PublishedPort>> out = new LinkedHashMap<>();
        String mode = c.hostConfig().networkMode();
        if (mode.equals("host") || mode.equals("none")) {
            return out;
        }
        for (var port : request(c.hostConfig(), Map.of(), c.config().exposedPorts()).ports()) {
            out.put(port.toString(), p.ports().stream().filter(pp -> pp.port().equals(port)).toList());
        }
        return out;
    }
}
