package dev.purser.tui.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;

/** The network endpoints of the Engine API ({@code /networks*}), answered with Docker's field names. */
public final class Networks {
    private final EngineConnection engine;

    Networks(EngineConnection engine) {
        this.engine = engine;
    }

    /** {@code GET /networks}; filters as key=value pairs. */
    public List<JsonNode> list(List<String> filters) {
        return Containers.elements(engine.get("/networks" + Query.of().filters(filters)));
    }

    /** As below, without an address range. */
    public JsonNode create(String name, String driver, String subnet, String gateway, boolean internal, Map<String, String> labels) {
        return create(name, driver, subnet, gateway, null, internal, labels);
    }

    /**
     * {@code POST /networks/create} with the fields {@code network create} sets; a null subnet,
     * gateway or ip range is left to the daemon. Answers {"Id", "Warning"}.
     */
    public JsonNode create(String name, String driver, String subnet, String gateway, String ipRange, boolean internal,
                           Map<String, String> labels) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("Name", name);
        body.put("Driver", driver);
        body.put("Internal", internal);
        ObjectNode ipam = body.putObject("IPAM");
        ipam.put("Driver", "default");
        var config = ipam.putArray("Config");
        if (subnet != null || gateway != null || ipRange != null) {
            ObjectNode c = config.addObject();
            if (subnet != null) c.put("Subnet", subnet);
            if (ipRange != null) c.put("IPRange", ipRange);
            if (gateway != null) c.put("Gateway", gateway);
        }
        ObjectNode l = body.putObject("Labels");
        labels.forEach(l::put);
        return engine.post("/networks/create", body);
    }

    public JsonNode inspect(String reference) {
        return engine.get("/networks/" + Containers.enc(reference));
    }

    public void remove(String reference) {
        engine.delete("/networks/" + Containers.enc(reference));
    }

    /** {@code POST /networks/{id}/connect}: the container, with its aliases and the IPv4 address asked for (null: none). */
    public void connect(String network, String container, List<String> aliases, String ipv4Address) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("Container", container);
        ObjectNode endpoint = body.putObject("EndpointConfig");
        if (ipv4Address != null) {
            endpoint.putObject("IPAMConfig").put("IPv4Address", ipv4Address);
        }
        if (!aliases.isEmpty()) {
            aliases.forEach(endpoint.putArray("Aliases")::add);
        }
        engine.post("/networks/" + Containers.enc(network) + "/connect", body);
    }

    /** {@code POST /networks/{id}/disconnect}. */
    public void disconnect(String network, String container, boolean force) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("Container", container);
        body.put("Force", force);
        engine.post("/networks/" + Containers.enc(network) + "/disconnect", body);
    }

    /** {@code POST /networks/prune}: {"NetworksDeleted": [...]}. */
    public JsonNode prune(List<String> filters) {
        return engine.post("/networks/prune" + Query.of().filters(filters), null);
    }
}
