package dev.purser.engine.network.ports;

import dev.purser.engine.runtime.Linux;
import java.util.List;

/**
 * One started container's published ports: the host sockets bound before its process ran, and,
 * once its pid is known, the forwarding into its network namespace. Closing it releases
 * everything: the sockets, the connections, the namespace thread and the allocator's record.
 */
public final class Publication implements AutoCloseable {
    private final String owner;
    private final List<PublishedPort> ports;
    private final List<Forwarder> forwarders;
    private final HostPorts hostPorts;
    private final Linux linux;
    private volatile NetworkNamespace namespace;
    private boolean closed;

    Publication(String owner, List<PublishedPort> ports, List<Forwarder> forwarders, HostPorts hostPorts, Linux linux) {
        this.owner = owner;
        this.ports = List.copyOf(ports);
        this.forwarders = List.copyOf(forwarders);
        this.hostPorts = hostPorts;
        this.linux = linux;
    }

    /** What NetworkSettings.Ports lists for the published ports, in order. */
    public List<PublishedPort> ports() {
        return ports;
    }

    /** Forwards into the network namespace of the container's process {@code pid}. */
    public synchronized void forwardTo(int pid, String name) {
        if (closed || forwarders.isEmpty()) return;
        namespace = new NetworkNamespace(linux, pid, name);
        forwarders.forEach(f -> f.start(namespace));
    }

    @Override
    public synchronized void close() {
        if (closed) return;
        closed = true;
        forwarders.forEach(Forwarder::close);
        if (namespace != null) namespace.close();
        hostPorts.release(owner);
    }
}
