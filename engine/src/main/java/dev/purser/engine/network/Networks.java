package dev.purser.engine.network;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.purser.engine.runtime.Linux;
import dev.purser.engine.store.AtomicFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine's networks: Docker's three predefined ones, {@code bridge} (the {@link DefaultBridge}),
 * {@code host} and {@code none}, each with an id kept under the state root, and the user-defined
 * ones, each a bridge of its own ({@code br-} and its id's first 12 hex digits) with its own
 * leases, kept under the state root and set up again when the engine opens.
 */
public final class Networks {
    private static final Logger log = LoggerFactory.getLogger(Networks.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final List<String> PREDEFINED = List.of("bridge", "host", "none");

    private final Linux linux;
    private final Path stateDir;
    private final DefaultBridge bridge;
    private final Map<String, Network> byName;
    /** The user-defined networks' bridges, by network id. */
    private final Map<String, DefaultBridge> userBridges = new ConcurrentHashMap<>();
    private final UserNetworkFile userFile;

    private Networks(Linux linux, Path stateDir, DefaultBridge bridge, Map<String, Network> byName) {
        this.linux = linux;
        this.stateDir = stateDir;
        this.bridge = bridge;
        this.byName = byName;
        this.userFile = new UserNetworkFile(stateDir.resolve("user-networks.json"));
    }

    /** {@code stateDir}: where the networks' ids and the bridges' leases are kept. */
    public static Networks open(Linux linux, Path stateDir, BridgeOptions options) {
        try {
            Files.createDirectories(stateDir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String[]> ids = predefinedIds(stateDir.resolve("networks.json"));
        DefaultBridge bridge = DefaultBridge.open(linux, stateDir, options);
        Map<String, Network> byName = new LinkedHashMap<>();
        byName.put("bridge", Network.predefined(ids.get("bridge")[0], "bridge", "bridge", bridge.bridgeAddress().subnet(),
                bridge.bridgeAddress().address(), bridge.bridgeName(), ids.get("bridge")[1],
                options.fixedCidr() == null ? null : options.fixedCidr().subnet()));
        byName.put("host", Network.predefined(ids.get("host")[0], "host", "host", null, null, "", ids.get("host")[1], null));
        byName.put("none", Network.predefined(ids.get("none")[0], "none", "null", null, null, "", ids.get("none")[1], null));
        Networks networks = new Networks(linux, stateDir, bridge, byName);
        for (Network n : networks.userFile.read()) {
            // a previous engine's: its bridge comes back (or is reused), its leases are released
            networks.userBridges.put(n.id(), networks.openBridge(n));
            byName.put(n.name(), n);
        }
        return networks;
    }

    private DefaultBridge openBridge(Network n) {
        BridgeOptions own = new BridgeOptions(n.bridge(), new Ipv4Cidr(n.gateway(), n.subnet().prefixLength()), n.ipRange(),
                bridge.options().mtu(), bridge.options().ipForward(), bridge.options().iptables(), true);
        return DefaultBridge.open(linux, stateDir.resolve("user").resolve(n.id()), own, n.name(), !n.internal());
    }

    /** Each predefined network's id and creation time, made once and kept. */
    private static Map<String, String[]> predefinedIds(Path file) {
        Map<String, String[]> ids = new LinkedHashMap<>();
        try {
            if (Files.exists(file)) {
                ids.putAll(JSON.readValue(file.toFile(), new TypeReference<Map<String, String[]>>() {}));
            }
            boolean changed = false;
            for (String name : PREDEFINED) {
                if (!ids.containsKey(name)) {
                    ids.put(name, new String[] {newId(), Instant.now().toString()});
                    changed = true;
                }
            }
            if (changed) {
                AtomicFile.write(file, JSON.writeValueAsBytes(ids));
            }
            return ids;
        } catch (IOException e) {
            throw new UncheckedIOException("reading the network ids " + file, e);
        }
    }

    private static String newId() {
        byte[] b = new byte[32];
        RANDOM.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    public synchronized List<Network> list() {
        return List.copyOf(byName.values());
    }

    /** By full id, name, or unique id prefix, as Docker looks networks up. */
    public synchronized Optional<Network> find(String reference) {
        for (Network n : byName.values()) {
            if (n.id().equals(reference)) {
                return Optional.of(n);
            }
        }
        if (byName.containsKey(reference)) {
            return Optional.of(byName.get(reference));
        }
        List<Network> prefixed = byName.values().stream().filter(n -> !reference.isEmpty() && n.id().startsWith(reference)).toList();
        return prefixed.size() == 1 ? Optional.of(prefixed.get(0)) : Optional.empty();
    }

    /**
     * Creates a user-defined bridge network: its subnet given or the first of Docker's default
     * pools that neither another network nor a host interface uses, its bridge up with the
     * gateway address, and the network kept under the state root. Refused with Docker's words
     * for a name taken, a subnet overlapping another network's, a gateway outside the subnet
     * and a driver other than bridge; nothing is made then.
     */
    public synchronized Network create(NetworkRequest request) {
        String name = request.name();
        if (name == null || name.isEmpty()) {
            throw new NetworkRefusedException(NetworkRefusedException.Reason.INVALID, "network name must not be empty");
        }
        if (!name.matches("[a-zA-Z0-9][a-zA-Z0-9_.-]*")) {
            throw new NetworkRefusedException(NetworkRefusedException.Reason.INVALID,
                    "invalid network name \"" + name + "\": only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed");
        }
        if (!request.driver().equals("bridge")) {
            throw new NetworkRefusedException(NetworkRefusedException.Reason.INVALID, "network driver \"" + request.driver()
                    + "\" is not supported: purser makes bridge networks only");
        }
        if (byName.containsKey(name)) {
            throw new NetworkRefusedException(NetworkRefusedException.Reason.DUPLICATE_NAME, "network with name " + name + " already exists");
        }
        if (request.subnet() != null || request.ipRange() != null) {
            new IpamConfig(request.subnet(), request.ipRange()).refuse();
        }
        Ipv4Cidr subnet = request.subnet() == null ? freePool() : request.subnet().subnet();
        if (request.subnet() != null) {
            if (subnet.prefixLength() > 30) {
                throw new NetworkRefusedException(NetworkRefusedException.Reason.INVALID,
                        "invalid subnet " + request.subnet() + ": purser needs a subnet of /30 or larger");
            }
            boolean overlaps = byName.values().stream().anyMatch(n -> n.subnet() != null && n.subnet().overlaps(subnet));
            if (overlaps) {
                throw new NetworkRefusedException(NetworkRefusedException.Reason.OVERLAPPING_SUBNET,
                        "invalid pool request: Pool overlaps with other one on this address space");
            }
        }
        Ipv4Cidr range = request.ipRange() == null || request.ipRange().equals(subnet) ? null : request.ipRange();
        Ipv4Address gateway = request.gateway() == null ? defaultGateway(subnet, range) : request.gateway();
        if (!subnet.contains(gateway) || gateway.equals(subnet.network()) || gateway.equals(subnet.broadcast())) {
            throw new NetworkRefusedException(NetworkRefusedException.Reason.INVALID, "no matching subnet for gateway " + gateway);
        }
        String id = newId();
        Network n = new Network(id, name, "bridge", subnet, gateway, UserNetworkFile.bridgeName(id), Instant.now().toString(),
                request.internal(), request.labels(), false, range, request.subnet() != null);
        DefaultBridge own = openBridge(n);
        userBridges.put(id, own);
        byName.put(name, n);
        try {
            userFile.write(userNetworks());
        } catch (RuntimeException e) {
            byName.remove(name);
            userBridges.remove(id).remove();
            throw e;
        }
        return n;
    }

    /**
     * Docker's gateway when none is given: the first address its allocator hands out, which is
     * the range's first (only the subnet's own first and last are never handed out).
     */
    private static Ipv4Address defaultGateway(Ipv4Cidr subnet, Ipv4Cidr range) {
        Ipv4Cidr from = range == null ? subnet : range;
        for (Ipv4Address a = from.network(); a.compareTo(from.broadcast()) <= 0; a = a.plus(1)) {
            if (!a.equals(subnet.network()) && !a.equals(subnet.broadcast())) {
                return a;
            }
            if (a.equals(from.broadcast())) {
                break;
            }
        }
        throw new NetworkRefusedException(NetworkRefusedException.Reason.INVALID,
                "failed to allocate gateway (): no available addresses on this pool");
    }

    /** Docker's default address pools: 172.17-31.0.0/16, then 192.168.0.0/16 in /20s; the first one free. */
    private Ipv4Cidr freePool() {
        List<Ipv4Cidr> used = new java.util.ArrayList<>();
        byName.values().stream().map(Network::subnet).filter(java.util.Objects::nonNull).forEach(used::add);
        try (RouteSocket host = RouteSocket.inHost(linux)) {
            host.addresses().forEach(a -> used.add(a.address().subnet()));
        }
        List<Ipv4Cidr> pools = new java.util.ArrayList<>();
        for (int second = 17; second <= 31; second++) {
            pools.add(Ipv4Cidr.parse("172." + second + ".0.0/16"));
        }
        for (int third = 0; third < 256; third += 16) {
            pools.add(Ipv4Cidr.parse("192.168." + third + ".0/20"));
        }
        for (Ipv4Cidr pool : pools) {
            if (used.stream().noneMatch(u -> u.overlaps(pool))) {
                return pool;
            }
        }
        throw new NetworkRefusedException(NetworkRefusedException.Reason.INVALID,
                "could not find an available, non-overlapping IPv4 address pool among the defaults to assign to the network");
    }

    /**
     * Removes a user-defined network with its bridge and leases file; refused while a container
     * is attached (Docker's "active endpoints") and for the predefined networks.
     */
    public synchronized void remove(String reference) {
        Network n = find(reference).orElseThrow(() -> new java.util.NoSuchElementException("network " + reference + " not found"));
        if (n.builtin()) {
            throw new NetworkRefusedException(NetworkRefusedException.Reason.ACTIVE_ENDPOINTS,
                    n.name() + " is a pre-defined network and cannot be removed");
        }
        DefaultBridge own = userBridges.get(n.id());
        if (!own.attachedContainers().isEmpty()) {
            throw new NetworkRefusedException(NetworkRefusedException.Reason.ACTIVE_ENDPOINTS,
                    "error while removing network: network " + n.name() + " id " + n.id() + " has active endpoints");
        }
        byName.remove(n.name());
        userFile.write(userNetworks());
        userBridges.remove(n.id());
        own.remove();
        try {
            Files.deleteIfExists(stateDir.resolve("user").resolve(n.id()).resolve("bridge-leases.json"));
            Files.deleteIfExists(stateDir.resolve("user").resolve(n.id()));
        } catch (IOException e) {
            log.warn("removing the state of network {}: {}", n.name(), e.getMessage());
        }
    }

    /** The user-defined networks no container is attached to, removed; their names, as prune reports them. */
    public synchronized List<String> prune() {
        List<String> removed = new java.util.ArrayList<>();
        for (Network n : userNetworks()) {
            if (userBridges.get(n.id()).attachedContainers().isEmpty()) {
                remove(n.id());
                removed.add(n.name());
            }
        }
        return removed;
    }

    private List<Network> userNetworks() {
        return byName.values().stream().filter(n -> !n.builtin()).toList();
    }

    public Network bridgeNetwork() {
        return byName.get("bridge");
    }

    /** The network a container's NetworkMode puts it on: {@code default} is the bridge, as with Docker on Linux. */
    public static String networkName(String networkMode) {
        return networkMode == null || networkMode.isEmpty() || networkMode.equals("default") ? "bridge" : networkMode;
    }

    /** True when the container gets an interface on the default bridge. */
    public static boolean onBridge(String networkMode) {
        return networkName(networkMode).equals("bridge");
    }

    /** True when the network mode names a network with a bridge: the default one or a user-defined one. */
    public static boolean bridged(String networkMode) {
        String name = networkName(networkMode);
        return !name.equals("host") && !name.equals("none") && !name.startsWith("container:") && !name.equals("container");
    }

    /** The network an endpoint config is for: by its id, else (a record older than kept ids) by its name. */
    public synchronized Optional<Network> network(EndpointConfig config) {
        if (config.networkId() != null) {
            Optional<Network> byId = byName.values().stream().filter(n -> n.id().equals(config.networkId())).findFirst();
            if (byId.isPresent()) {
                return byId;
            }
        }
        return Optional.ofNullable(byName.get(config.network()));
    }

    /**
     * A container's networks in Docker's order of candidates for its default gateway (libnetwork's
     * endpoint order, all gateway priorities being 0): networks with a route out before internal
     * ones, then by name. The first is the gateway; interfaces are named in this order at start.
     */
    public List<EndpointConfig> inGatewayOrder(List<EndpointConfig> configs) {
        java.util.Comparator<EndpointConfig> order = java.util.Comparator
                .comparing((EndpointConfig c) -> network(c).map(Network::internal).orElse(true))
                .thenComparing(c -> network(c).map(Network::name).orElse(c.network()));
        return configs.stream().sorted(order).toList();
    }

    /**
     * Puts the container whose process is {@code pid} (held before it runs, or running) on the
     * network {@code config} names, its interface named {@code containerInterface}, with the
     * address it asked for, and the default route through it when {@code gateway}.
     */
    public Endpoint attach(String containerId, EndpointConfig config, int pid, String containerInterface, boolean gateway) {
        Network n = network(config).orElseThrow(() -> new NetworkSetupException("network " + config.network() + " not found", null));
        DefaultBridge own = n.id().equals(bridgeNetwork().id()) ? bridge : userBridges.get(n.id());
        if (own == null) {
            throw new NetworkSetupException("network " + n.name() + " not found", null);
        }
        Ipv4Address requested = config.ipv4Address() == null ? null : Ipv4Address.parse(config.ipv4Address());
        return own.attach(containerId, n.id(), pid, containerInterface, requested, gateway);
    }

    /**
     * Puts the held process on every network of {@code configs}: interfaces {@code eth0},
     * {@code eth1}... in gateway order, the default route through the first. On failure the
     * container is on none of them.
     */
    public List<Endpoint> attachAll(String containerId, List<EndpointConfig> configs, int pid) {
        List<Endpoint> out = new java.util.ArrayList<>();
        List<EndpointConfig> ordered = inGatewayOrder(configs);
        try {
            for (int i = 0; i < ordered.size(); i++) {
                out.add(attach(containerId, ordered.get(i), pid, "eth" + i, i == 0));
            }
        } catch (NetworkRefusedException e) {
            detach(containerId);
            // Docker's start error for an address it could not have (a connect answers it bare)
            throw new NetworkSetupException("failed to set up container networking: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            detach(containerId);
            throw e;
        }
        return out;
    }

    /**
     * Sets the default route of the running container {@code pid} through the first of its
     * {@code endpoints} (in gateway order) whose network gives one; nothing when none does.
     */
    public void routeThroughGateway(int pid, List<Endpoint> endpoints) {
        for (Endpoint e : endpoints) {
            DefaultBridge own = e.networkId().equals(bridgeNetwork().id()) ? bridge : userBridges.get(e.networkId());
            if (own == null || !own.givesDefaultRoute()) {
                continue;
            }
            try (RouteSocket inside = RouteSocket.inNamespaceOf(linux, pid)) {
                Link link = inside.links().stream().filter(l -> e.macAddress().equalsIgnoreCase(l.mac())).findFirst()
                        .orElseThrow(() -> new IllegalStateException("the interface of " + e.address() + " is gone"));
                inside.replaceDefaultRoute(link.name(), e.gateway());
            }
            return;
        }
    }

    /** The next interface name for a running container: the lowest {@code ethN} its namespace does not have. */
    public String nextInterface(int pid) {
        try (RouteSocket inside = RouteSocket.inNamespaceOf(linux, pid)) {
            java.util.Set<String> names = new java.util.HashSet<>();
            inside.links().forEach(l -> names.add(l.name()));
            for (int i = 0; ; i++) {
                if (!names.contains("eth" + i)) {
                    return "eth" + i;
                }
            }
        }
    }

    /** Takes the container off the network {@code networkId} alone: its veth and its lease there go. */
    public void detach(String containerId, String networkId) {
        DefaultBridge own = networkId.equals(bridgeNetwork().id()) ? bridge : userBridges.get(networkId);
        if (own != null) {
            own.detach(containerId);
        }
    }

    /** With {@code --icc=false}: the links' ports opened between the linker and each target. */
    public void openLinks(String linkerId, List<LinkedPorts> links) {
        bridge.openLinks(linkerId, links);
    }

    /** With {@code --icc=false}: the linker's links opened again, to its targets' addresses now. */
    public void reopenLinks(String linkerId, List<LinkedPorts> links) {
        bridge.reopenLinks(linkerId, links);
    }

    /** Disconnects the container from whichever bridge it is on. */
    public void detach(String containerId) {
        bridge.detach(containerId);
        for (DefaultBridge own : userBridges.values()) {
            own.detach(containerId);
        }
    }

    /** The container's endpoint on the default bridge. */
    public Optional<Endpoint> endpoint(String containerId) {
        return bridge.endpoint(containerId, bridgeNetwork().id());
    }

    /** The container's endpoint on the network {@code networkId}. */
    public Optional<Endpoint> endpoint(String containerId, String networkId) {
        if (networkId.equals(bridgeNetwork().id())) {
            return endpoint(containerId);
        }
        DefaultBridge own = userBridges.get(networkId);
        return own == null ? Optional.empty() : own.endpoint(containerId, networkId);
    }

    /** The containers on the default bridge now, for the network's inspect. */
    public List<String> attachedContainers() {
        return bridge.attachedContainers();
    }

    /** The containers on the network {@code networkId} now. */
    public List<String> attachedContainers(String networkId) {
        if (networkId.equals(bridgeNetwork().id())) {
            return attachedContainers();
        }
        DefaultBridge own = userBridges.get(networkId);
        return own == null ? List.of() : own.attachedContainers();
    }

    public DefaultBridge bridge() {
        return bridge;
    }

    /** Removes every user-defined network's bridge and rules, keeping their definitions (tests' teardown). */
    public void removeUserBridges() {
        for (DefaultBridge own : userBridges.values()) {
            own.remove();
        }
    }
}
