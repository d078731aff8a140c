package dev.purser.engine.network;

import dev.purser.engine.runtime.Linux;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Docker's default {@code bridge} network (and, opened from its definition, each user-defined
 * one): one Linux bridge ({@code purser0}) with the gateway address, and per running container a
 * veth pair whose host end is a port of the bridge and whose other end is the container's
 * {@code eth0} (or {@code eth1}... on a container on several networks), with an address from the
 * subnet and, on its gateway network, the default route via the bridge. Addresses are leased in
 * a file ({@link AddressLeases}).
 */
public final class DefaultBridge {
    private static final Logger log = LoggerFactory.getLogger(DefaultBridge.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Linux linux;
    private final BridgeOptions options;
    private final Ipv4Cidr bridgeAddress;
    private final AddressLeases leases;
    private final HostFirewall firewall;
    /** False on an internal network: its containers get no route out. */
    private final boolean defaultRoute;

    private DefaultBridge(Linux linux, BridgeOptions options, Ipv4Cidr bridgeAddress, AddressLeases leases, HostFirewall firewall,
                          boolean defaultRoute) {
        this.linux = linux;
        this.defaultRoute = defaultRoute;
        this.options = options;
        this.bridgeAddress = bridgeAddress;
        this.leases = leases;
        this.firewall = firewall;
    }

    /**
     * Sets the bridge up (reusing one already there with its address), forwarding and the
     * firewall rules, and gives back every lease a previous engine left, deleting its veth: no
     * container runs when an engine opens.
     */
    public static DefaultBridge open(Linux linux, Path stateDir, BridgeOptions options) {
        return open(linux, stateDir, options, "bridge", true);
    }

    /**
     * The same for a user-defined network {@code networkName}, whose bridge is made from its
     * definition; an internal one ({@code defaultRoute} false) gives its containers no default route.
     */
    static DefaultBridge open(Linux linux, Path stateDir, BridgeOptions options, String networkName, boolean defaultRoute) {
        Ipv4Cidr address;
        try (RouteSocket host = RouteSocket.inHost(linux)) {
            address = bridgeUp(host, options);
        }
        Ipv4Cidr range = options.fixedCidr() == null ? address.subnet() : options.fixedCidr().subnet();
        if (!address.subnet().contains(range)) {
            throw new IllegalArgumentException("--fixed-cidr " + options.fixedCidr() + " is not inside the bridge subnet " + address.subnet());
        }
        AddressLeases leases = new AddressLeases(stateDir.resolve("bridge-leases.json"), networkName, address, range, address.address());
        HostFirewall firewall = new HostFirewall("iptables");
        DefaultBridge bridge = new DefaultBridge(linux, options, address, leases, firewall, defaultRoute);
        bridge.releaseAll();
        if (options.ipForward()) {
            enableForwarding();
        }
        if (options.iptables() && defaultRoute) {
            firewall.ensure(options.bridgeName(), address.subnet(), options.icc());
        } else if (options.iptables()) {
            firewall.ensureInternal(options.bridgeName());
        }
        return bridge;
    }

    private static Ipv4Cidr bridgeUp(RouteSocket host, BridgeOptions options) {
        String name = options.bridgeName();
        List<InterfaceAddress> addresses = host.addresses();
        Optional<Link> existing = host.link(name);
        if (existing.isPresent()) {
            Link br = existing.get();
            if (!"bridge".equals(br.kind())) {
                throw new IllegalStateException(name + " exists and is not a bridge (" + (br.kind().isEmpty() ? "a device" : br.kind()) + ")");
            }
            Optional<Ipv4Cidr> has = addresses.stream().filter(a -> a.index() == br.index()).map(InterfaceAddress::address).findFirst();
            if (has.isPresent() && options.bip() != null && !has.get().equals(options.bip())) {
                throw new IllegalStateException("bridge " + name + " has address " + has.get() + ", not the --bip " + options.bip()
                        + ": delete the bridge or give its address");
            }
            Ipv4Cidr address = has.orElseGet(() -> options.bip() != null ? options.bip() : freeDefault(addresses, br.index()));
            if (has.isEmpty()) {
                host.addAddress(name, address);
            }
            if (br.mtu() != options.mtu()) {
                host.setMtu(name, options.mtu());
            }
            if (!br.up()) {
                host.setUp(name);
            }
            return address;
        }
        Ipv4Cidr address = options.bip() != null ? options.bip() : freeDefault(addresses, -1);
        host.createBridge(name, options.mtu());
        try {
            host.addAddress(name, address);
            host.setUp(name);
        } catch (RuntimeException e) {
            host.deleteLinkIfPresent(name);
            throw e;
        }
        return address;
    }

    /** Docker's choice: 172.17.0.1/16, else the first of 172.18-31 that no host interface uses. */
    private static Ipv4Cidr freeDefault(List<InterfaceAddress> addresses, int ownIndex) {
        for (int second = 17; second <= 31; second++) {
            Ipv4Cidr candidate = Ipv4Cidr.parse("172." + second + ".0.1/16");
            boolean used = addresses.stream().filter(a -> a.index() != ownIndex)
                    .anyMatch(a -> a.address().subnet().overlaps(candidate.subnet()));
            if (!used) {
                return candidate;
            }
        }
        throw new IllegalStateException("no free subnet for the default bridge in 172.17-31.0.0/16: give one with --bip");
    }

    private static void enableForwarding() {
        Path sysctl = Path.of("/proc/sys/net/ipv4/ip_forward");
        try {
            if (!Files.readString(sysctl, StandardCharsets.US_ASCII).trim().equals("1")) {
                Files.writeString(sysctl, "1\n", StandardCharsets.US_ASCII);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("enabling IPv4 forwarding (the daemon's --ip-forward=false leaves it)", e);
        }
    }

    private void releaseAll() {
        for (AddressLeases.Lease lease : leases.all()) {
            log.info("releasing address {} of container {} left by a previous engine", lease.address(), lease.containerId());
            deleteVeth(lease);
            leases.release(lease.containerId());
        }
    }

    public String bridgeName() {
        return options.bridgeName();
    }

    /** The bridge's address with the subnet's prefix: the containers' gateway. */
    public Ipv4Cidr bridgeAddress() {
        return bridgeAddress;
    }

    public BridgeOptions options() {
        return options;
    }

    /**
     * Connects the container whose process is {@code pid} (held before it runs, or running: {@code
     * network connect}): leases an address ({@code requested}, or the next free one when null),
     * makes the veth pair with {@code containerInterface} inside, and sets its address, and the
     * default route through this bridge when {@code gatewayHere} (a container on several networks
     * has one). On failure nothing is left: no veth, no lease.
     */
    Endpoint attach(String containerId, String networkId, int pid, String containerInterface, Ipv4Address requested,
                    boolean gatewayHere) {
        String endpointId = HexFormat.of().formatHex(randomBytes(32));
        java.util.function.Function<Ipv4Address, AddressLeases.Lease> complete = a -> new AddressLeases.Lease(containerId,
                endpointId, a.toString(), a.dockerMac(), "veth" + HexFormat.of().formatHex(randomBytes(4)).substring(0, 7), pid);
        AddressLeases.Lease lease = requested == null ? leases.take(containerId, complete) : leases.take(containerId, requested, complete);
        Ipv4Address address = Ipv4Address.parse(lease.address());
        try {
            try (RouteSocket host = RouteSocket.inHost(linux)) {
                int bridgeIndex = host.link(options.bridgeName())
                        .orElseThrow(() -> new IllegalStateException("bridge " + options.bridgeName() + " is gone")).index();
                // the host end a port of the bridge from birth, the inner end born in the container (up only
                // once both exist: the kernel refuses to open a veth whose peer is not linked yet)
                host.createVeth(lease.hostInterface(), containerInterface, pid, lease.macAddress(), options.mtu(), bridgeIndex, false);
                host.setUp(lease.hostInterface());
            }
            try (RouteSocket inside = RouteSocket.inNamespaceOf(linux, pid)) {
                inside.setUp(containerInterface);
                inside.addAddress(containerInterface, new Ipv4Cidr(address, bridgeAddress.prefixLength()));
                if (defaultRoute && gatewayHere) {
                    inside.replaceDefaultRoute(containerInterface, bridgeAddress.address());
                }
            }
        } catch (RuntimeException e) {
            deleteVeth(lease);
            leases.release(containerId);
            throw new NetworkSetupException("failed to set up the container's network on bridge " + options.bridgeName()
                    + ": " + e.getMessage(), e);
        }
        return endpoint(lease, networkId);
    }

    /** False on an internal network: its containers get no route out through it. */
    boolean givesDefaultRoute() {
        return defaultRoute;
    }

    /**
     * With {@code --icc=false}, opens the linker's links: each target's exposed ports between
     * the two; nothing to do while containers on the bridge reach each other anyway.
     */
    public void openLinks(String linkerId, List<LinkedPorts> links) {
        if (options.icc() || links.isEmpty()) {
            return;
        }
        Ipv4Address linker = leases.of(linkerId).map(l -> Ipv4Address.parse(l.address()))
                .orElseThrow(() -> new IllegalStateException("container " + linkerId + " is not on the bridge"));
        for (LinkedPorts link : links) {
            firewall.openLink(options.bridgeName(), linkerId, linker, link);
        }
    }

    /** The linker's links' rules made again for the targets' addresses now (one restarted with another). */
    public void reopenLinks(String linkerId, List<LinkedPorts> links) {
        if (options.icc()) {
            return;
        }
        firewall.closeLinks(options.bridgeName(), linkerId);
        openLinks(linkerId, links);
    }

    /** The container's endpoint while it is attached. */
    public Optional<Endpoint> endpoint(String containerId, String networkId) {
        return leases.of(containerId).map(l -> endpoint(l, networkId));
    }

    /** The ids of the containers attached now. */
    public List<String> attachedContainers() {
        return leases.all().stream().map(AddressLeases.Lease::containerId).toList();
    }

    /** Disconnects the container: its veth (if the kernel has not deleted it with the namespace) and its lease go. */
    public void detach(String containerId) {
        if (!options.icc()) {
            try {
                firewall.closeLinks(options.bridgeName(), containerId);
            } catch (RuntimeException e) {
                log.warn("closing the links of container {}: {}", containerId, e.getMessage());
            }
        }
        leases.of(containerId).ifPresent(lease -> {
            deleteVeth(lease);
            leases.release(containerId);
        });
    }

    private void deleteVeth(AddressLeases.Lease lease) {
        try (RouteSocket host = RouteSocket.inHost(linux)) {
            host.deleteLinkIfPresent(lease.hostInterface());
        } catch (RuntimeException e) {
            log.warn("deleting {} of container {}: {}", lease.hostInterface(), lease.containerId(), e.getMessage());
        }
    }

    private Endpoint endpoint(AddressLeases.Lease l, String networkId) {
        return new Endpoint(l.containerId(), networkId, l.endpointId(), Ipv4Address.parse(l.address()),
                bridgeAddress.prefixLength(), bridgeAddress.address(), l.macAddress(), l.hostInterface(), l.pid());
    }

    /** Removes the bridge and its firewall rules (tests, and a later {@code --bridge=none}). */
    public void remove() {
        for (AddressLeases.Lease lease : leases.all()) {
            detach(lease.containerId());
        }
        if (options.iptables()) {
            firewall.remove(options.bridgeName());
        }
        try (RouteSocket host = RouteSocket.inHost(linux)) {
            host.deleteLinkIfPresent(options.bridgeName());
        }
    }

    private static byte[] randomBytes(int n) {
        byte[] b = new byte[n];
        RANDOM.nextBytes(b);
        return b;
    }
}
