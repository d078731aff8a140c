package dev.purser.engine.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.purser.engine.network.Ipv4Address;
import dev.purser.engine.network.Ipv4Cidr;
import dev.purser.engine.network.NetworkRequest;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code POST /networks/create}'s body (Docker's NetworkCreateRequest) read into what the engine
 * applies: name, driver, one IPv4 subnet with its gateway and address range, internal, labels.
 * Every field that would change the network in a way purser does not apply (IPv6, auxiliary addresses,
 * driver options, attachable, ingress, config-only networks, another IPAM driver) is refused
 * naming it; fields at their defaults pass, as the docker CLI sends them all.
 */
final class NetworkCreateBody {
    private NetworkCreateBody() {}

    static NetworkRequest read(JsonNode body) {
        String name = text(body, "Name");
        if (name == null || name.isEmpty()) {
            throw ApiException.badRequest("network name must not be empty");
        }
        String driver = text(body, "Driver");
        String scope = text(body, "Scope");
        refuseIf(scope != null && !scope.isEmpty() && !scope.equals("local"), "Scope " + scope);
        refuseIf(body.path("EnableIPv6").asBoolean(false), "EnableIPv6 (--ipv6)");
        refuseIf(body.has("EnableIPv4") && !body.get("EnableIPv4").isNull() && !body.get("EnableIPv4").asBoolean(), "EnableIPv4=false");
        refuseIf(body.path("Attachable").asBoolean(false), "Attachable (--attachable)");
        refuseIf(body.path("Ingress").asBoolean(false), "Ingress (--ingress)");
        refuseIf(body.path("ConfigOnly").asBoolean(false), "ConfigOnly (--config-only)");
        refuseIf(!body.path("ConfigFrom").path("Network").asText("").isEmpty(), "ConfigFrom (--config-from)");
        refuseIf(nonEmpty(body.path("Options")), "Options (--opt)");
        Ipv4Cidr subnet = null;
        Ipv4Address gateway = null;
        Ipv4Cidr ipRange = null;
        JsonNode ipam = body.path("IPAM");
        if (ipam.isObject()) {
            String ipamDriver = ipam.path("Driver").asText("");
            refuseIf(!ipamDriver.isEmpty() && !ipamDriver.equals("default"), "IPAM.Driver " + ipamDriver + " (--ipam-driver)");
            refuseIf(nonEmpty(ipam.path("Options")), "IPAM.Options (--ipam-opt)");
            JsonNode config = ipam.path("Config");
            if (config.isArray() && config.size() > 1) {
                throw ApiException.badRequest("purser does not apply more than one IPAM.Config (--subnet) per network yet");
            }
            if (config.isArray() && config.size() == 1) {
                JsonNode c = config.get(0);
                refuseIf(nonEmpty(c.path("AuxiliaryAddresses")) || nonEmpty(c.path("AuxAddress")),
                        "IPAM.Config.AuxiliaryAddresses (--aux-address)");
                String s = c.path("Subnet").asText("");
                String g = c.path("Gateway").asText("");
                String r = c.path("IPRange").asText("");
                if (!r.isEmpty()) {
                    try {
                        ipRange = Ipv4Cidr.parse(r);
                    } catch (IllegalArgumentException e) {
                        throw ApiException.badRequest("invalid network config:\ninvalid ip-range " + r + ": invalid CIDR block notation");
                    }
                }
                try {
                    if (!s.isEmpty()) {
                        subnet = Ipv4Cidr.parse(s);
                    }
                    if (!g.isEmpty()) {
                        gateway = Ipv4Address.parse(g);
                    }
                } catch (IllegalArgumentException e) {
                    throw ApiException.badRequest("invalid IPAM config: " + e.getMessage());
                }
                if (gateway != null && subnet == null) {
                    throw ApiException.badRequest("no matching subnet for gateway " + g);
                }
            }
        }
        return new NetworkRequest(name, driver, subnet, gateway, body.path("Internal").asBoolean(false), labels(body.path("Labels")),
                ipRange);
    }

    private static String text(JsonNode body, String field) {
        JsonNode v = body.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isTextual()) {
            throw ApiException.badRequest("json: cannot unmarshal " + JsonType.kind(v) + " into Go struct field"
                    + " CreateRequest." + field + " of type string");
        }
        return v.asText();
    }

    private static Map<String, String> labels(JsonNode v) {
        Map<String, String> out = new LinkedHashMap<>();
        if (v == null || v.isNull() || v.isMissingNode()) {
            return out;
        }
        if (!v.isObject()) {
            throw ApiException.badRequest("json: cannot unmarshal " + JsonType.kind(v)
                    + " into Go struct field CreateRequest.Labels of type map[string]string");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = v.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            out.put(e.getKey(), e.getValue().asText());
        }
        return out;
    }

    private static boolean nonEmpty(JsonNode n) {
        return (n.isArray() || n.isObject()) && n.size() > 0;
    }

    private static void refuseIf(boolean unapplied, String field) {
        if (unapplied) {
            throw ApiException.badRequest("purser does not apply the network create field " + field + " yet");
        }
    }
}
