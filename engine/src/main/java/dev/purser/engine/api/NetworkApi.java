package dev.purser.engine.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.purser.engine.container.Container;
import dev.purser.engine.container.Containers;
import dev.purser.engine.container.DockerJson;
import dev.purser.engine.network.Endpoint;
import dev.purser.engine.network.Network;
import dev.purser.engine.network.NetworkRefusedException;
import dev.purser.engine.network.NetworkEvents;
import dev.purser.engine.network.NetworkRequest;
import dev.purser.engine.network.Networks;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code /networks}: list and inspect Docker's predefined networks (bridge, host, none) and the
 * user-defined ones with Docker's fields; create, remove and prune user-defined bridge networks;
 * connect a container to a network and disconnect it.
 */
final class NetworkApi {
    private static final List<String> FILTERS = List.of("name", "id", "driver", "type");
    private final Networks networks;
    private final Containers containers;
    private final NetworkEvents events;
    private final ObjectMapper json = DockerJson.mapper();

    NetworkApi(Networks networks, Containers containers, NetworkEvents events) {
        this.networks = networks;
        this.containers = containers;
        this.events = events;
    }

    void register(Router router) {
        router.add("GET", "/networks", this::list)
                .add("POST", "/networks/create", this::create)
                .add("POST", "/networks/prune", this::prune)
                .add("GET", "/networks/{id}", this::inspect)
                .add("DELETE", "/networks/{id}", this::remove)
                .add("POST", "/networks/{id}/connect", this::connect)
                .add("POST", "/networks/{id}/disconnect", this::disconnect);
    }

    /** Docker's ConnectOptions: {@code Container} and its {@code EndpointConfig} (checked field by field). */
    private void connect(Exchange x) {
        JsonNode body = x.objectBody();
        JsonNode endpoint = body.path("EndpointConfig");
        if (endpoint.isObject()) {
            RequestBodies.ENDPOINT_SETTINGS.withLabel("EndpointConfig.", "EndpointSettings.").read(endpoint);
        }
        String network = x.param("id");
        String container = containerOf(body);
        refusals(() -> {
            containers.networkChanges().connect(network, container, EndpointBodies.endpoint(network, endpoint));
            return null;
        });
        x.status(200);
    }

    /** Docker's DisconnectOptions: {@code Container} and {@code Force}. */
    private void disconnect(Exchange x) {
        JsonNode body = x.objectBody();
        String network = x.param("id");
        String container = containerOf(body);
        // Force matters to Docker for an endpoint left without its container (swarm); here a
        // container's endpoints go with it, so it changes nothing
        refusals(() -> {
            containers.networkChanges().disconnect(network, container);
            return null;
        });
        x.status(200);
    }

    private static String containerOf(JsonNode body) {
        JsonNode c = body.path("Container");
        if (!c.isMissingNode() && !c.isNull() && !c.isTextual()) {
            throw ApiException.badRequest("json: cannot unmarshal " + JsonType.kind(c) + " into Go struct field ConnectOptions.Container of type string");
        }
        if (c.asText("").isEmpty()) {
            throw ApiException.badRequest("invalid name or ID supplied: \"\"");
        }
        return c.asText();
    }

    private void create(Exchange x) {
        JsonNode body = x.objectBody();
        NetworkRequest request = NetworkCreateBody.read(body);
        Network n = refusals(() -> networks.create(request));
        events.created(n);
        ObjectNode out = json.createObjectNode();
        out.put("Id", n.id());
        out.put("Warning", "");
        x.json(201, out);
    }

    private void remove(Exchange x) {
        String ref = x.param("id");
        Network n = networks.find(ref).orElseThrow(() -> ApiException.notFound("network " + ref + " not found"));
        refusals(() -> {
            networks.remove(ref);
            return null;
        });
        events.destroyed(n);
        x.status(204);
    }

    private void prune(Exchange x) {
        Map<String, List<String>> filters = FilterQuery.parse(x.query("filters"));
        if (!filters.isEmpty()) {
            throw ApiException.badRequest("purser does not apply network prune filters yet: "
                    + String.join(", ", filters.keySet()));
        }
        ObjectNode out = json.createObjectNode();
        ArrayNode deleted = out.putArray("NetworksDeleted");
        Map<String, Network> before = new java.util.HashMap<>();
        networks.list().forEach(n -> before.put(n.name(), n));
        for (String name : networks.prune()) {
            deleted.add(name);
            events.destroyed(before.get(name));
        }
        x.json(200, out);
    }

    /** The engine's refusals with Docker's status codes. */
    private static <T> T refusals(java.util.function.Supplier<T> action) {
        try {
            return action.get();
        } catch (NetworkRefusedException e) {
            int status = switch (e.reason()) {
                case DUPLICATE_NAME -> 409;
                case OVERLAPPING_SUBNET, ACTIVE_ENDPOINTS, ADDRESS_IN_USE, ENDPOINT_EXISTS -> 403;
                case INVALID -> 400;
                case NOT_CONNECTED -> 500;
            };
            throw new ApiException(status, e.getMessage());
        } catch (java.util.NoSuchElementException e) {
            throw ApiException.notFound(e.getMessage());
        }
    }

    private void list(Exchange x) {
        Map<String, List<String>> filters = FilterQuery.parse(x.query("filters"));
        for (String f : filters.keySet()) {
            if (!FILTERS.contains(f)) {
                throw ApiException.badRequest("invalid filter '" + f + "'");
            }
        }
        ArrayNode out = json.createArrayNode();
        for (Network n : networks.list()) {
            if (matches(n, filters)) {
                out.add(view(n, false));
            }
        }
        x.json(200, out);
    }

    private static boolean matches(Network n, Map<String, List<String>> filters) {
        return any(filters.get("name"), v -> n.name().contains(v))
                && any(filters.get("id"), v -> n.id().startsWith(v))
                && any(filters.get("driver"), v -> n.driver().equals(v))
                && any(filters.get("type"), v -> {
                    if (!v.equals("builtin") && !v.equals("custom")) {
                        throw ApiException.badRequest("invalid filter: 'type'='" + v + "'");
                    }
                    return v.equals("builtin") == n.builtin();
                });
    }

    private static boolean any(List<String> values, java.util.function.Predicate<String> test) {
        return values == null || values.isEmpty() || values.stream().anyMatch(test);
    }

    private void inspect(Exchange x) {
        String ref = x.param("id");
        Network n = networks.find(ref).orElseThrow(() -> ApiException.notFound("network " + ref + " not found"));
        x.json(200, view(n, true));
    }

    private ObjectNode view(Network n, boolean withContainers) {
        ObjectNode o = json.createObjectNode();
        o.put("Name", n.name());
        o.put("Id", n.id());
        o.put("Created", n.created());
        o.put("Scope", "local");
        o.put("Driver", n.driver());
        o.put("EnableIPv4", n.bridged());
        o.put("EnableIPv6", false);
        ObjectNode ipam = o.putObject("IPAM");
        ipam.put("Driver", "default");
        ipam.putNull("Options");
        ArrayNode config = ipam.putArray("Config");
        if (n.subnet() != null) {
            ObjectNode c = config.addObject();
            c.put("Subnet", n.subnet().toString());
            if (n.ipRange() != null) {
                c.put("IPRange", n.ipRange().toString());
            }
            c.put("Gateway", n.gateway().toString());
        }
        o.put("Internal", n.internal());
        o.put("Attachable", false);
        o.put("Ingress", false);
        o.putObject("ConfigFrom").put("Network", "");
        o.put("ConfigOnly", false);
        ObjectNode attached = o.putObject("Containers");
        if (withContainers && n.bridged()) {
            for (String id : networks.attachedContainers(n.id())) {
                Optional<Endpoint> e = networks.endpoint(id, n.id());
                Optional<Container> c = containers.list().stream().filter(k -> k.id().equals(id)).findFirst();
                if (e.isEmpty() || c.isEmpty()) {
                    continue;
                }
                ObjectNode entry = attached.putObject(id);
                entry.put("Name", c.get().shortName());
                entry.put("EndpointID", e.get().endpointId());
                entry.put("MacAddress", e.get().macAddress());
                entry.put("IPv4Address", e.get().address() + "/" + e.get().prefixLength());
                entry.put("IPv6Address", "");
            }
        }
        ObjectNode options = o.putObject("Options");
        if (n.bridged() && n.builtin()) {
            options.put("com.docker.network.bridge.default_bridge", "true");
            options.put("com.docker.network.bridge.enable_icc", Boolean.toString(networks.bridge().options().icc()));
            options.put("com.docker.network.bridge.enable_ip_masquerade", Boolean.toString(networks.bridge().options().iptables()));
            options.put("com.docker.network.bridge.name", n.bridge());
            options.put("com.docker.network.driver.mtu", Integer.toString(networks.bridge().options().mtu()));
        }
        ObjectNode labels = o.putObject("Labels");
        n.labels().forEach(labels::put);
        return o;
    }
}
