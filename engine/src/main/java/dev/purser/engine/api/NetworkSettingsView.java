package dev.purser.engine.api;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.purser.engine.container.Container;
import dev.purser.engine.network.Endpoint;
import dev.purser.engine.network.Network;
import dev.purser.engine.network.Networks;
import java.util.Optional;

/**
 * A container's NetworkSettings as Docker fills them: the network its NetworkMode names under
 * {@code Networks}, and, while it runs on the bridge, its address, gateway, MAC and endpoint
 * both there and in the top-level fields Docker keeps for the default bridge.
 */
final class NetworkSettingsView {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private NetworkSettingsView() {}

    static ObjectNode of(Container c, Networks networks) {
        ObjectNode net = InspectDefaults.networkSettings();
        String name = Networks.networkName(c.hostConfig().networkMode());
        Optional<Network> network = networks.find(name);
        if (network.isEmpty()) {
            return net;   // a mode with no network of its own (container:NAME)
        }
        Optional<Endpoint> endpoint = networks.endpoint(c.id(), network.get().id());
        ObjectNode entry = F.objectNode();
        entry.putNull("IPAMConfig");
        entry.putNull("Links");
        entry.putNull("Aliases");
        entry.put("MacAddress", endpoint.map(Endpoint::macAddress).orElse(""));
        entry.putNull("DriverOpts");
        entry.put("NetworkID", network.get().id());
        entry.put("EndpointID", endpoint.map(Endpoint::endpointId).orElse(""));
        entry.put("Gateway", endpoint.map(e -> e.gateway().toString()).orElse(""));
        entry.put("IPAddress", endpoint.map(e -> e.address().toString()).orElse(""));
        entry.put("IPPrefixLen", endpoint.map(Endpoint::prefixLength).orElse(0));
        entry.put("IPv6Gateway", "");
        entry.put("GlobalIPv6Address", "");
        entry.put("GlobalIPv6PrefixLen", 0);
        entry.putNull("DNSNames");
        ((ObjectNode) net.get("Networks")).set(network.get().name(), entry);
        endpoint.ifPresent(e -> net.put("SandboxKey", e.sandboxKey()));
        // Docker fills the top-level fields for the default bridge only
        endpoint.filter(e -> Networks.onBridge(c.hostConfig().networkMode())).ifPresent(e -> {
            net.put("SandboxKey", e.sandboxKey());
            net.put("EndpointID", e.endpointId());
            net.put("Gateway", e.gateway().toString());
            net.put("IPAddress", e.address().toString());
            net.put("IPPrefixLen", e.prefixLength());
            net.put("MacAddress", e.macAddress());
        });
        return net;
    }
}
