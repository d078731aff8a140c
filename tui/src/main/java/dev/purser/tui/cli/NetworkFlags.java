package dev.purser.tui.cli;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code --network} (repeatable, plain or {@code name=N,alias=A,ip=IP}), {@code --network-alias}
 * and {@code --ip} of run and create, into the create's NetworkMode and EndpointsConfig as the
 * docker CLI builds them (cli/command/container/opts.go): the first network is NetworkMode and
 * takes the plain flags; every network is an endpoint. Fields of the advanced syntax purser
 * does not apply are refused naming them.
 */
final class NetworkFlags {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private NetworkFlags() {}

    /** One {@code --network} value. */
    record Attachment(String target, List<String> aliases, String ipv4Address) {}

    static String networkMode(List<String> networks) {
        if (networks.isEmpty()) {
            return "default";
        }
        String target = parse(networks.get(0)).target();
        return target.isEmpty() ? "default" : target;
    }

    static ObjectNode endpoints(List<String> networks, List<String> aliases, String ip) {
        List<Attachment> attachments = new ArrayList<>();
        for (String n : networks.isEmpty() ? List.of("default") : networks) {
            attachments.add(parse(n));
        }
        Map<String, Attachment> byTarget = new LinkedHashMap<>();
        boolean userDefined = false;
        boolean predefined = false;
        for (int i = 0; i < attachments.size(); i++) {
            Attachment a = attachments.get(i);
            if (i == 0) {
                a = withPlainFlags(a, aliases, ip);
            }
            if (a.target().trim().isEmpty()) {
                throw new IllegalArgumentException("no name set for network");
            }
            boolean own = userDefined(a.target());
            if (!own && !a.aliases().isEmpty()) {
                throw new IllegalArgumentException("network-scoped aliases are only supported for user-defined networks");
            }
            userDefined |= own;
            predefined |= !own;
            if (byTarget.put(a.target(), a) != null) {
                throw new IllegalArgumentException("network \"" + a.target() + "\" is specified multiple times");
            }
        }
        if (userDefined && predefined) {
            throw new IllegalArgumentException("conflicting options: cannot attach both user-defined and non-user-defined network-modes");
        }
        ObjectNode out = JSON.objectNode();
        byTarget.forEach((target, a) -> {
            ObjectNode e = out.putObject(target);
            if (!a.aliases().isEmpty()) {
                a.aliases().forEach(e.putArray("Aliases")::add);
            }
            if (a.ipv4Address() != null) {
                e.putObject("IPAMConfig").put("IPv4Address", a.ipv4Address());
            }
        });
        return out;
    }

    private static Attachment withPlainFlags(Attachment a, List<String> aliases, String ip) {
        if (!a.aliases().isEmpty() && !aliases.isEmpty()) {
            throw new IllegalArgumentException("conflicting options: cannot specify both --network-alias and per-network alias");
        }
        if (a.ipv4Address() != null && ip != null && !ip.isEmpty()) {
            throw new IllegalArgumentException("conflicting options: cannot specify both --ip and per-network IPv4 address");
        }
        return new Attachment(a.target(), aliases.isEmpty() ? a.aliases() : List.copyOf(aliases),
                ip == null || ip.isEmpty() ? a.ipv4Address() : ip);
    }

    /** Docker's IsUserDefined: not default, bridge, host, none or container:. */
    static boolean userDefined(String network) {
        return !(network.equals("default") || network.equals("bridge") || network.equals("host") || network.equals("none")
                || network.startsWith("container:") || network.equals("container"));
    }

    /** A plain name, or the advanced syntax {@code name=N,alias=A,ip=IP}. */
    static Attachment parse(String value) {
        if (!value.contains("=")) {
            return new Attachment(value, List.of(), null);
        }
        String target = null;
        List<String> aliases = new ArrayList<>();
        String ip = null;
        for (String field : value.split(",")) {
            int eq = field.indexOf('=');
            if (eq < 0) {
                throw new IllegalArgumentException("invalid field " + field);
            }
            String key = field.substring(0, eq).toLowerCase(java.util.Locale.ROOT);
            String v = field.substring(eq + 1);
            switch (key) {
                case "name" -> target = v;
                case "alias" -> aliases.add(v);
                case "ip" -> ip = v;
                case "ip6", "mac-address", "link-local-ip", "driver-opt", "gw-priority" ->
                        throw new IllegalArgumentException("purser does not support --network " + key + " yet");
                default -> throw new IllegalArgumentException("invalid field key " + key);
            }
        }
        if (target == null) {
            throw new IllegalArgumentException("network name/id is not specified");
        }
        return new Attachment(target, aliases, ip);
    }
}
