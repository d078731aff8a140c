package dev.purser.engine.network.ports;

import java.net.InetAddress;
import java.util.List;

/**
 * One started container's published ports: the host sockets bound before its process ran, and,
 * once it has its address on its bridge, the forwarding to that address. Closing it releases
 * everything: the sockets, the connections and the allocator's record.
 */
public final class Publication implements AutoCloseable {
    private final String owner;
    private final List<PublishedPort> ports;
    private final List<Forwarder> forwarders;
    private final HostPorts hostPorts;
    private boolean started;
    private boolean closed;

    Publication(String owner, List<PublishedPort> ports, List<Forwarder> forwarders, HostPorts hostPorts) {
        this.owner = owner;
        this.ports = List.copyOf(ports);
        this.forwarders = List.copyOf(forwarders);
        this.hostPorts = hostPorts;
    }

    /** What NetworkSettings.Ports lists for the published ports, in order. */
    public List<PublishedPort> ports() {
        return ports;
    }

    /**
     * Forwards to {@code container}, the container's address on the bridge it is published from,
     * as Docker's userland proxy does: the container sees the bridge's gateway as the client.
     */
    public synchronized void forwardTo(InetAddress container) {
        if (closed || started) return;
        started = true;
        forwarders.forEach(f -> f.start(container));
    }

    @Override
    public synchronized void close() {
        if (closed) return;
        closed = true;
        forwarders.forEach(Forwarder::close);
        hostPorts.release(owner);
    }
}
