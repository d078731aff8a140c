package dev.purser.engine.network.ports;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The host ports containers hold, as Docker's portallocator keeps them: a port asked for by
 * number is refused while another container holds it on an overlapping address ("port is
 * already allocated"); a port asked for by no number is the next free one of the host's
 * ephemeral range ({@code /proc/sys/net/ipv4/ip_local_port_range}), continuing after the last
 * one given out. Callers hold this object's lock while they take ports and bind them.
 */
public final class HostPorts {
    /** Docker's range when the host's cannot be read. */
    static final PortRange DEFAULT_DYNAMIC = new PortRange(49153, 65535);

    private record Holder(String protocol, int port, HostAddress address, String owner) {}

    private final PortRange dynamic;
    private final List<Holder> held = new ArrayList<>();
    private final Map<String, Integer> lastDynamic = new HashMap<>();

    public HostPorts(PortRange dynamic) {
        this.dynamic = dynamic;
    }

    /** The host's ephemeral range, or Docker's fallback. */
    public static HostPorts ofHost() {
        return new HostPorts(readRange(Path.of("/proc/sys/net/ipv4/ip_local_port_range")));
    }

    static PortRange readRange(Path file) {
        try {
            // read as a stream: Files.readString stops after the first byte of some /proc/sys files
            String[] parts;
            try (var in = Files.newInputStream(file)) {
                parts = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.US_ASCII).trim().split("\\s+");
            }
            return new PortRange(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]));
        } catch (IOException | RuntimeException e) {
            return DEFAULT_DYNAMIC;
        }
    }

    public PortRange dynamicRange() {
        return dynamic;
    }

    /** Who holds {@code port} for {@code protocol} on an address overlapping {@code address}; null when free. */
    synchronized String holder(String protocol, int port, HostAddress address) {
        for (Holder h : held) {
            if (h.port == port && h.protocol.equals(protocol) && h.address.overlaps(address)) {
                return h.owner;
            }
        }
        return null;
    }

    /** Records the port as {@code owner}'s; the caller checked {@link #holder} under the same lock. */
    synchronized void take(String owner, String protocol, int port, HostAddress address) {
        held.add(new Holder(protocol, port, address, owner));
        if (dynamic.first() <= port && port <= dynamic.last()) {
            lastDynamic.put(protocol, port);
        }
    }

    /**
     * The candidates for a port asked for without a number (or with a range), in the order they
     * are tried: the range from its start, or the dynamic range after the last one given out.
     */
    synchronized List<Integer> candidates(String protocol, PortRange asked) {
        List<Integer> out = new ArrayList<>();
        if (asked != null) {
            for (int p = asked.first(); p <= asked.last(); p++) out.add(p);
            return out;
        }
        int start = lastDynamic.getOrDefault(protocol, dynamic.last()) + 1;
        for (int i = 0; i < dynamic.size(); i++) {
            int p = dynamic.first() + Math.floorMod(start - dynamic.first() + i, dynamic.size());
            out.add(p);
        }
        return out;
    }

    /** Frees every port {@code owner} holds. */
    public synchronized void release(String owner) {
        held.removeIf(h -> h.owner.equals(owner));
    }

    synchronized int heldBy(String owner) {
        return (int) held.stream().filter(h -> h.owner.equals(owner)).count();
    }
}
