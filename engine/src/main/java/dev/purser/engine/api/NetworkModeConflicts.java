package dev.purser.engine.api;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The create options that contradict the container's network mode, refused with Docker's
 * messages and in Docker's order (moby's runconfig checks them as it decodes the body, before
 * anything else): a container that joins another's network namespace ({@code container:X}) has
 * X's hostname, name servers, hosts file and ports, so it may not ask for its own. Checked on
 * the body as sent, before purser refuses the fields it does not apply, so that the answer is
 * Docker's whichever of them purser applies yet.
 */
final class NetworkModeConflicts {
    private NetworkModeConflicts() {}

    static void check(JsonNode body) {
        if (body == null || !body.isObject()) {
            return;
        }
        JsonNode host = body.path("HostConfig");
        String mode = host.path("NetworkMode").asText("");
        boolean container = mode.equals("container") || mode.startsWith("container:");
        if (container) {
            if (mode.length() <= "container:".length()) {
                throw ApiException.badRequest("invalid network mode: invalid container format container:<name|id>");
            }
            refuseIf(!body.path("Hostname").asText("").isEmpty(), "conflicting options: hostname and the network mode");
            refuseIf(nonEmpty(host.path("Links")),
                    "conflicting options: container type network can't be used with links. This would result in undefined behavior");
            // Docker checks Dns only and then ignores DnsSearch and DnsOptions: purser refuses
            // them too, as it never accepts what it does not apply (docs/decisions/0031)
            refuseIf(nonEmpty(host.path("Dns")) || nonEmpty(host.path("DnsSearch")) || nonEmpty(host.path("DnsOptions")),
                    "conflicting options: dns and the network mode");
            refuseIf(nonEmpty(host.path("ExtraHosts")), "conflicting options: custom host-to-IP mapping and the network mode");
            refuseIf(nonEmpty(host.path("PortBindings")) || host.path("PublishAllPorts").asBoolean(false),
                    "conflicting options: port publishing and the container type network mode");
            refuseIf(nonEmpty(body.path("ExposedPorts")), "conflicting options: port exposing and the container type network mode");
        }
        refuseIf(mode.equals("host") && nonEmpty(host.path("Links")),
                "conflicting options: host type networking can't be used with links. This would result in undefined behavior");
        refuseIf((container || mode.equals("host")) && !body.path("MacAddress").asText("").isEmpty(),
                "conflicting options: mac-address and the network mode");
    }

    private static boolean nonEmpty(JsonNode n) {
        return (n.isArray() || n.isObject()) && n.size() > 0;
    }

    private static void refuseIf(boolean conflict, String message) {
        if (conflict) {
            throw ApiException.badRequest(message);
        }
    }
}
