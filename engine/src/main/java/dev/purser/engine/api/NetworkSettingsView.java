package dev.purser.engine.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.purser.engine.container.Container;
import dev.purser.engine.network.Endpoint;
import dev.purser.engine.network.EndpointConfig;
import dev.purser.engine.network.Network;
import dev.purser.engine.network.Networks;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A container's NetworkSettings as Docker fills them: every network it is on under
 * {@code Networks} (by name, sorted as Go writes a map) with what it asked for there (aliases,
 * IPAMConfig) and, while it runs, its address, gateway, MAC and endpoint; the top-level fields
 * Docker keeps for the default bridge alone.
 */
final class NetworkSettingsView {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private NetworkSettingsView() {}

    static ObjectNode of(Container c, Networks networks) {
        return of(c, networks, Exchange.API_VERSION);
    }

    /**
     * Before API 1.45 Docker adds the short id and the hostname to the Aliases of a user-defined
     * network (DNSNames holds them since); {@code apiVersion} is the client's.
     */
    static ObjectNode of(Container c, Networks networks, String apiVersion) {
        ObjectNode net = InspectDefaults.networkSettings();
        Map<String, ObjectNode> entries = new TreeMap<>();
        List<EndpointConfig> configs = c.endpointConfigs();
        if (configs.isEmpty()) {
            // host and none show their network (no endpoint); container: shows none
            networks.find(Networks.networkName(c.hostConfig().networkMode()))
                    .ifPresent(n -> entries.put(n.name(), entry(c, n, EndpointConfig.plain(n.name()), Optional.empty(), apiVersion)));
        }
        for (EndpointConfig config : configs) {
            Optional<Network> network = networks.network(config);
            if (network.isEmpty()) {
                continue;   // removed while the container was stopped: Docker's start then fails naming it
            }
            Optional<Endpoint> endpoint = networks.endpoint(c.id(), network.get().id());
            entries.put(network.get().name(), entry(c, network.get(), config, endpoint, apiVersion));
            endpoint.ifPresent(e -> net.put("SandboxKey", e.sandboxKey()));
            // Docker fills the top-level fields for the default bridge only
            endpoint.filter(e -> network.get().name().equals("bridge")).ifPresent(e -> {
                net.put("EndpointID", e.endpointId());
                net.put("Gateway", e.gateway().toString());
                net.put("IPAddress", e.address().toString());
                net.put("IPPrefixLen", e.prefixLength());
                net.put("MacAddress", e.macAddress());
            });
        }
        ObjectNode out = (ObjectNode) net.get("Networks");
        entries.forEach(out::set);
        return net;
    }

    private static ObjectNode entry(Container c, Network n, EndpointConfig config, Optional<Endpoint> endpoint, String apiVersion) {
        ObjectNode entry = F.objectNode();
        if (config.ipv4Address() == null) {
            entry.putNull("IPAMConfig");
        } else {
            entry.putObject("IPAMConfig").put("IPv4Address", config.ipv4Address());
        }
        entry.putNull("Links");
        boolean userDefined = !n.builtin();
        List<String> aliases = config.aliases();
        if (userDefined && Versions.compare(apiVersion, "1.45") < 0) {
            java.util.LinkedHashSet<String> old = new java.util.LinkedHashSet<>(aliases);
            old.add(c.shortId());
            old.add(c.config().hostname());
            aliases = List.copyOf(old);
        }
        if (aliases.isEmpty()) {
            entry.putNull("Aliases");
        } else {
            ArrayNode a = entry.putArray("Aliases");
            aliases.forEach(a::add);
        }
        entry.put("MacAddress", endpoint.map(Endpoint::macAddress).orElse(""));
        entry.putNull("DriverOpts");
        entry.put("NetworkID", n.id());
        entry.put("EndpointID", endpoint.map(Endpoint::endpointId).orElse(""));
        entry.put("Gateway", endpoint.map(e -> e.gateway().toString()).orElse(""));
        entry.put("IPAddress", endpoint.map(e -> e.address().toString()).orElse(""));
        entry.put("IPPrefixLen", endpoint.map(Endpoint::prefixLength).orElse(0));
        entry.put("IPv6Gateway", "");
        entry.put("GlobalIPv6Address", "");
        entry.put("GlobalIPv6PrefixLen", 0);
        if (userDefined) {
            ArrayNode names = entry.putArray("DNSNames");
            c.dnsNames(config).forEach(names::add);
        } else {
            entry.putNull("DNSNames");
        }
        return entry;
    }
}
