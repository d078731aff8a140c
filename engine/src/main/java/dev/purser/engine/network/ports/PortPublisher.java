package dev.purser.engine.network.ports;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Publishes containers' ports on the host: at start, every binding the container asks for is
 * given its host port (the allocator's rules, Docker's errors) and its socket bound, before the
 * container's process runs; the forwarding to the container's bridge address follows once it
 * has one (a userland proxy in the daemon, docs/decisions/0032 and 0050). The sockets live in the daemon: they
 * close with the publication at stop, removal and a failed start, and with the daemon itself.
 */
public final class PortPublisher {
    private final HostPorts hostPorts;
    private final boolean hostHasIpv6;

    public PortPublisher(HostPorts hostPorts, boolean hostHasIpv6) {
        this.hostPorts = hostPorts;
        this.hostHasIpv6 = hostHasIpv6;
    }

    /** The host's allocator and address families. */
    public static PortPublisher ofHost() {
        return new PortPublisher(HostPorts.ofHost(), ipv6Available());
    }

    static boolean ipv6Available() {
        try {
            return !Files.readString(Path.of("/proc/net/if_inet6")).isBlank();
        } catch (IOException e) {
            return false;
        }
    }

    public boolean hostHasIpv6() {
        return hostHasIpv6;
    }

    /**
     * Takes and binds every host port {@code request} asks for, for container {@code owner}
     * (named {@code endpoint} in errors); a PortAllocationException with Docker's message, and
     * nothing held, when one cannot be had.
     */
    public Publication reserve(String owner, String endpoint, PortRequest request) {
        List<PublishedPort> published = new ArrayList<>();
        List<Forwarder> forwarders = new ArrayList<>();
        synchronized (hostPorts) {
            try {
                for (Map.Entry<ContainerPort, List<PortBinding>> e : request.bindings().entrySet()) {
                    for (PortBinding b : e.getValue()) {
                        bindOne(owner, e.getKey(), b, published, forwarders);
                    }
                }
            } catch (PortAllocationException e) {
                forwarders.forEach(Forwarder::close);
                hostPorts.release(owner);
                throw new PortAllocationException("driver failed programming external connectivity on endpoint "
                        + endpoint + ": " + e.getMessage());
            }
        }
        return new Publication(owner, published, forwarders, hostPorts);
    }

    private void bindOne(String owner, ContainerPort port, PortBinding b, List<PublishedPort> published,
                         List<Forwarder> forwarders) {
        HostAddress address = HostAddress.parse(b.hostIp(), hostHasIpv6);
        PortRange asked = PortRequest.hostPorts(b.hostPort());
        String protocol = port.protocol();
        Forwarder forwarder;
        int hostPort;
        if (asked != null && asked.single()) {
            hostPort = asked.first();
            if (hostPorts.holder(protocol, hostPort, address) != null) {
                throw new PortAllocationException("Bind for " + address.named() + ":" + hostPort
                        + " failed: port is already allocated");
            }
            try {
                forwarder = open(protocol, address, hostPort, port.number());
            } catch (IOException e) {
                throw new PortAllocationException("Error starting userland proxy: listen " + protocol
                        + (address.ipv4() ? "4 " : "6 ") + hostText(address) + ":" + hostPort + ": bind: "
                        + goError(e));
            }
        } else {
            forwarder = null;
            hostPort = -1;
            for (int candidate : hostPorts.candidates(protocol, asked)) {
                if (hostPorts.holder(protocol, candidate, address) != null) continue;
                try {
                    forwarder = open(protocol, address, candidate, port.number());
                    hostPort = candidate;
                    break;
                } catch (IOException e) {
                    // in use by something other than a container: try the next one
                }
            }
            if (forwarder == null) {
                throw new PortAllocationException(asked == null
                        ? "Bind for " + address.named() + " failed: all ports are allocated"
                        : "Bind for " + address.named() + ":" + asked.first() + "-" + asked.last()
                                + " failed: port is already allocated");
            }
        }
        forwarders.add(forwarder);
        hostPorts.take(owner, protocol, hostPort, address);
        for (String ip : address.shown()) {
            published.add(new PublishedPort(port, ip, hostPort));
        }
    }

    private static Forwarder open(String protocol, HostAddress address, int hostPort, int containerPort) throws IOException {
        InetSocketAddress at = new InetSocketAddress(address.bindAddress(), hostPort);
        return protocol.equals("udp") ? UdpForwarder.bind(at, containerPort) : TcpForwarder.bind(at, containerPort);
    }

    private static String hostText(HostAddress address) {
        String ip = address.named();
        return ip.contains(":") ? "[" + ip + "]" : ip;
    }

    /** Go's words for the usual bind errors: "address already in use", "cannot assign requested address". */
    private static String goError(IOException e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return m.isEmpty() ? m : Character.toLowerCase(m.charAt(0)) + m.substring(1).toLowerCase(Locale.ROOT);
    }
}
