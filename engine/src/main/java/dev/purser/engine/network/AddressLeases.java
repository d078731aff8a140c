package dev.purser.engine.network;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The addresses of one bridge network handed to containers, one per container, kept in a file
 * (written atomically before the address is used) so that a restarted daemon never hands out
 * an address twice. Allocation takes the lowest free address of the range (the network's
 * {@code --ip-range}, the default bridge's {@code --fixed-cidr}, else the whole subnet),
 * skipping the subnet's first and last and the gateway.
 */
final class AddressLeases {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One lease as the file holds it. */
    record Lease(String containerId, String endpointId, String address, String macAddress, String hostInterface, int pid) {}

    private final Path file;
    private final String networkName;
    private final Ipv4Cidr subnet;
    private final Ipv4Cidr range;
    private final Ipv4Address gateway;
    private final Map<String, Lease> byContainer = new LinkedHashMap<>();

    AddressLeases(Path file, Ipv4Cidr subnet, Ipv4Cidr range, Ipv4Address gateway) {
        this(file, "bridge", subnet, range, gateway);
    }

    AddressLeases(Path file, String networkName, Ipv4Cidr subnet, Ipv4Cidr range, Ipv4Address gateway) {
        this.file = file;
        this.networkName = networkName;
        this.subnet = subnet.subnet();
        this.range = range == null ? this.subnet : range.subnet();
        this.gateway = gateway;
        load();
    }

    private void load() {
        if (!Files.exists(file)) {
            return;
        }
        try {
            List<Lease> leases = JSON.readValue(file.toFile(), new TypeReference<List<Lease>>() {});
            for (Lease l : leases) {
                byContainer.put(l.containerId(), l);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("reading the address leases " + file, e);
        }
    }

    /**
     * A new lease for {@code containerId} (which must hold none), written to the file before
     * it is returned; {@code complete} fills in what depends on the address.
     */
    synchronized Lease take(String containerId, java.util.function.Function<Ipv4Address, Lease> complete) {
        if (byContainer.containsKey(containerId)) {
            throw new IllegalStateException("container " + containerId + " already holds address " + byContainer.get(containerId).address());
        }
        Set<String> taken = byContainer.values().stream().map(Lease::address).collect(Collectors.toSet());
        // a range's own first and last addresses are handed out too, as Docker's allocator does
        Ipv4Address first = range.network();
        Ipv4Address last = range.broadcast();
        for (Ipv4Address a = first; a.compareTo(last) <= 0 && a.compareTo(first) >= 0; a = a.plus(1)) {
            if (a.equals(gateway) || a.equals(subnet.network()) || a.equals(subnet.broadcast()) || taken.contains(a.toString())) {
                continue;
            }
            Lease lease = complete.apply(a);
            byContainer.put(containerId, lease);
            save();
            return lease;
        }
        throw new IllegalStateException("no available IPv4 addresses on network " + networkName + " (" + range + ")");
    }

    /**
     * A lease of {@code requested} ({@code --ip}) for {@code containerId}, written to the file
     * before it is returned; refused with Docker's words when another container holds it, and
     * when it is not an address of the subnet a container can have.
     */
    synchronized Lease take(String containerId, Ipv4Address requested, java.util.function.Function<Ipv4Address, Lease> complete) {
        if (byContainer.containsKey(containerId)) {
            throw new IllegalStateException("container " + containerId + " already holds address " + byContainer.get(containerId).address());
        }
        if (!subnet.contains(requested) || requested.equals(subnet.network()) || requested.equals(subnet.broadcast())) {
            throw new NetworkRefusedException(NetworkRefusedException.Reason.INVALID,
                    "no configured subnet or ip-range contain the IP address " + requested);
        }
        boolean taken = requested.equals(gateway)
                || byContainer.values().stream().anyMatch(l -> l.address().equals(requested.toString()));
        if (taken) {
            throw new NetworkRefusedException(NetworkRefusedException.Reason.ADDRESS_IN_USE, "Address already in use");
        }
        Lease lease = complete.apply(requested);
        byContainer.put(containerId, lease);
        save();
        return lease;
    }

    /** Updates a lease's details (the pid, once known); the address stays. */
    synchronized void update(Lease lease) {
        byContainer.put(lease.containerId(), lease);
        save();
    }

    synchronized Optional<Lease> of(String containerId) {
        return Optional.ofNullable(byContainer.get(containerId));
    }

    synchronized List<Lease> all() {
        List<Lease> out = new ArrayList<>(byContainer.values());
        out.sort(Comparator.comparing(Lease::containerId));
        return out;
    }

    /** Gives the address back; false when the container held none. */
    synchronized boolean release(String containerId) {
        if (byContainer.remove(containerId) == null) {
            return false;
        }
        save();
        return true;
    }

    /**
     * Replaced atomically (a reader sees the old list or the new one), but not fsynced: the file
     * must survive the daemon, not the machine. A daemon that dies takes its containers with it
     * and the next one releases every lease it finds; after a crash of the machine no container
     * runs either. An fsync per start and per exit cost tens of milliseconds on a busy disk
     * (docs/decisions/0029).
     */
    private void save() {
        try {
            Files.createDirectories(file.getParent());
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.write(tmp, JSON.writeValueAsBytes(new ArrayList<>(byContainer.values())));
            Files.move(tmp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("writing the address leases " + file, e);
        }
    }
}
