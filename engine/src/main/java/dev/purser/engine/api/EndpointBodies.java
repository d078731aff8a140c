package dev.purser.engine.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.purser.engine.network.EndpointConfig;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Docker's EndpointSettings as a create's {@code NetworkingConfig.EndpointsConfig} and a
 * {@code network connect}'s {@code EndpointConfig} send them (already checked against
 * {@link RequestBodies#ENDPOINT_SETTINGS}), read into what the engine keeps.
 */
final class EndpointBodies {
    private EndpointBodies() {}

    /**
     * Every network of a create's EndpointsConfig, in the order sent, keyed as sent (name or
     * id). Before API 1.44 Docker allows one (its error names them all).
     */
    static List<EndpointConfig> endpoints(JsonNode endpointsConfig, String apiVersion) {
        List<EndpointConfig> out = new ArrayList<>();
        if (endpointsConfig == null || !endpointsConfig.isObject()) {
            return out;
        }
        if (endpointsConfig.size() > 1 && Versions.compare(apiVersion, "1.44") < 0) {
            List<String> names = new ArrayList<>();
            endpointsConfig.fieldNames().forEachRemaining(names::add);
            throw ApiException.badRequest("Container cannot be connected to network endpoints: " + String.join(", ", names));
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = endpointsConfig.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            out.add(endpoint(e.getKey(), e.getValue()));
        }
        return out;
    }

    /** One network's settings: its aliases and the IPv4 address asked for. */
    static EndpointConfig endpoint(String network, JsonNode settings) {
        List<String> aliases = new ArrayList<>();
        String address = null;
        if (settings != null && settings.isObject()) {
            settings.path("Aliases").forEach(a -> aliases.add(a.asText()));
            JsonNode ip = settings.path("IPAMConfig").path("IPv4Address");
            address = ip.isTextual() && !ip.asText().isEmpty() ? ip.asText() : null;
        }
        return new EndpointConfig(network, null, aliases, address);
    }
}
