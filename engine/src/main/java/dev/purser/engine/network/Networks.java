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

/**
 * The engine's networks: Docker's three predefined ones, {@code bridge} (the {@link DefaultBridge}),
 * {@code host} and {@code none}, each with an id kept under the state root, and the endpoints of
 * the containers on the bridge. User-defined networks will be more {@link Network}s with a
 * bridge of their own.
 */
public final class Networks {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final DefaultBridge bridge;
    private final Map<String, Network> byName;

    private Networks(DefaultBridge bridge, Map<String, Network> byName) {
        this.bridge = bridge;
        this.byName = byName;
    }

    /** {@code stateDir}: where the networks' ids and the bridge's leases are kept. */
    public static Networks open(Linux linux, Path stateDir, BridgeOptions options) {
        try {
            Files.createDirectories(stateDir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String[]> ids = predefinedIds(stateDir.resolve("networks.json"));
        DefaultBridge bridge = DefaultBridge.open(linux, stateDir, options);
        Map<String, Network> byName = new LinkedHashMap<>();
        byName.put("bridge", new Network(ids.get("bridge")[0], "bridge", "bridge", bridge.bridgeAddress().subnet(),
                bridge.bridgeAddress().address(), bridge.bridgeName(), ids.get("bridge")[1]));
        byName.put("host", new Network(ids.get("host")[0], "host", "host", null, null, "", ids.get("host")[1]));
        byName.put("none", new Network(ids.get("none")[0], "none", "null", null, null, "", ids.get("none")[1]));
        return new Networks(bridge, byName);
    }

    /** Each predefined network's id and creation time, made once and kept. */
    private static Map<String, String[]> predefinedIds(Path file) {
        Map<String, String[]> ids = new LinkedHashMap<>();
        try {
            if (Files.exists(file)) {
                ids.putAll(JSON.readValue(file.toFile(), new TypeReference<Map<String, String[]>>() {}));
            }
            boolean changed = false;
            for (String name : List.of("bridge", "host", "none")) {
                if (!ids.containsKey(name)) {
                    byte[] b = new byte[32];
                    new SecureRandom().nextBytes(b);
                    ids.put(name, new String[] {HexFormat.of().formatHex(b), Instant.now().toString()});
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

    public List<Network> list() {
        return List.copyOf(byName.values());
    }

    /** By full id, name, or unique id prefix, as Docker looks networks up. */
    public Optional<Network> find(String reference) {
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

    public Endpoint attach(String containerId, int pid) {
        return bridge.attach(containerId, bridgeNetwork().id(), pid);
    }

    /** With {@code --icc=false}: the links' ports opened between the linker and each target. */
    public void openLinks(String linkerId, List<LinkedPorts> links) {
        bridge.openLinks(linkerId, links);
    }

    public void detach(String containerId) {
        bridge.detach(containerId);
    }

    public Optional<Endpoint> endpoint(String containerId) {
        return bridge.endpoint(containerId, bridgeNetwork().id());
    }

    /** The containers on the bridge now, for the network's inspect. */
    public List<String> attachedContainers() {
        return bridge.attachedContainers();
    }

    public DefaultBridge bridge() {
        return bridge;
    }
}
