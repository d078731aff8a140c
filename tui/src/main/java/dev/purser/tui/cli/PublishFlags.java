package dev.purser.tui.cli;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code -p/--publish} and {@code --expose} read as the docker CLI reads them (go-connections'
 * nat.ParsePortSpecs and opts.go): {@code [IP:][HOST[-HOST]:]CONTAINER[-CONTAINER][/PROTO]},
 * IPv6 addresses in brackets, the long form {@code target=80,published=8080,protocol=udp}, with
 * docker's error messages. The result is the create body's {@code ExposedPorts} and
 * {@code HostConfig.PortBindings}.
 */
final class PublishFlags {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    /** What the flags ask for: each port exposed, and the bindings of each published one. */
    record Ports(Map<String, Boolean> exposed, Map<String, List<String[]>> bindings) {
        ObjectNode exposedPorts() {
            ObjectNode n = F.objectNode();
            exposed.keySet().forEach(n::putObject);
            return n;
        }

        ObjectNode portBindings() {
            ObjectNode n = F.objectNode();
            bindings.forEach((port, list) -> {
                var a = n.putArray(port);
                for (String[] b : list) {
                    a.addObject().put("HostIp", b[0]).put("HostPort", b[1]);
                }
            });
            return n;
        }
    }

    private PublishFlags() {}

    static Ports parse(List<String> publish, List<String> expose) {
        Map<String, Boolean> exposed = new TreeMap<>(PublishFlags::byNumber);
        Map<String, List<String[]>> bindings = new LinkedHashMap<>();
        for (String spec : publish) {
            for (Mapping m : mappings(standardNotation(spec))) {
                exposed.put(m.port, true);
                bindings.computeIfAbsent(m.port, k -> new java.util.ArrayList<>()).add(new String[] {m.hostIp, m.hostPort});
            }
        }
        for (String e : expose) {
            if (e.contains(":")) {
                throw new IllegalArgumentException("invalid port format for --expose: " + e);
            }
            String[] protoPort = splitProtoPort(e);
            long[] range;
            try {
                range = portRange(protoPort[1]);
            } catch (IllegalArgumentException ex) {
                throw new IllegalArgumentException("invalid range format for --expose: " + e + ", error: " + ex.getMessage());
            }
            for (long p = range[0]; p <= range[1]; p++) {
                exposed.putIfAbsent(p + "/" + protoPort[0], true);
            }
        }
        return new Ports(exposed, bindings);
    }

    private static int byNumber(String a, String b) {
        int na = Integer.parseInt(a.substring(0, a.indexOf('/')));
        int nb = Integer.parseInt(b.substring(0, b.indexOf('/')));
        return na != nb ? Integer.compare(na, nb) : a.compareTo(b);
    }

    private record Mapping(String port, String hostIp, String hostPort) {}

    /** The long form {@code target=80,published=8080,protocol=tcp} as the short one. */
    static String standardNotation(String spec) {
        if (!spec.contains("=")) return spec;
        Map<String, String> params = new LinkedHashMap<>();
        params.put("protocol", "tcp");
        for (String param : spec.split(",", -1)) {
            int eq = param.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("invalid publish opts format (should be name=value but got '" + param + "')");
            }
            params.put(param.substring(0, eq), param.substring(eq + 1));
        }
        return params.getOrDefault("published", "") + ":" + params.getOrDefault("target", "") + "/" + params.get("protocol");
    }

    private static List<Mapping> mappings(String raw) {
        String[] parts = raw.split(":", -1);
        int n = parts.length;
        String ip;
        String hostPort;
        String containerPort = parts[n - 1];
        switch (n) {
            case 1 -> { ip = ""; hostPort = ""; }
            case 2 -> { ip = ""; hostPort = parts[0]; }
            case 3 -> { ip = parts[0]; hostPort = parts[1]; }
            default -> { ip = String.join(":", java.util.Arrays.copyOfRange(parts, 0, n - 2)); hostPort = parts[n - 2]; }
        }
        String[] protoPort = splitProtoPort(containerPort);
        String proto = protoPort[0];
        containerPort = protoPort[1];
        if (!ip.isEmpty() && ip.charAt(0) == '[') {
            if (!ip.endsWith("]")) {
                throw new IllegalArgumentException("invalid IP address " + ip + ": address " + ip + ": missing ']' in address");
            }
            ip = ip.substring(1, ip.length() - 1);
        }
        if (!ip.isEmpty() && !isIp(ip)) {
            throw new IllegalArgumentException("invalid IP address: " + ip);
        }
        if (containerPort.isEmpty()) {
            throw new IllegalArgumentException("no port specified: " + raw + "<empty>");
        }
        long[] ports;
        try {
            ports = portRange(containerPort);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("invalid containerPort: " + containerPort);
        }
        long[] hostPorts = {0, 0};
        if (!hostPort.isEmpty()) {
            try {
                hostPorts = portRange(hostPort);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("invalid hostPort: " + hostPort);
            }
        }
        if (!hostPort.isEmpty() && ports[1] - ports[0] != hostPorts[1] - hostPorts[0] && ports[1] != ports[0]) {
            throw new IllegalArgumentException("invalid ranges specified for container and host Ports: "
                    + containerPort + " and " + hostPort);
        }
        String protocol = proto.toLowerCase(Locale.ROOT);
        if (!protocol.equals("tcp") && !protocol.equals("udp") && !protocol.equals("sctp")) {
            throw new IllegalArgumentException("invalid proto: " + proto);
        }
        List<Mapping> out = new java.util.ArrayList<>();
        for (long i = 0; i <= ports[1] - ports[0]; i++) {
            String host = hostPort.isEmpty() ? "" : Long.toString(hostPorts[0] + i);
            if (ports[0] == ports[1] && hostPorts[0] != hostPorts[1]) {
                host = host + "-" + hostPorts[1];
            }
            out.add(new Mapping((ports[0] + i) + "/" + protocol, ip, host));
        }
        return out;
    }

    /** nat.SplitProtoPort: {@code 80/udp} is udp and 80, a bare {@code 80} is tcp. */
    static String[] splitProtoPort(String raw) {
        String[] parts = raw.split("/", -1);
        if (raw.isEmpty() || parts[0].isEmpty()) return new String[] {"", ""};
        if (parts.length == 1 || parts[1].isEmpty()) return new String[] {"tcp", parts[0]};
        return new String[] {parts[1], parts[0]};
    }

    /** nat.ParsePortRange, with strconv's messages. */
    static long[] portRange(String ports) {
        if (ports.isEmpty()) throw new IllegalArgumentException("empty string specified for ports");
        int dash = ports.indexOf('-');
        if (dash < 0) {
            long p = parseUint16(ports);
            return new long[] {p, p};
        }
        String[] parts = ports.split("-", -1);
        long start = parseUint16(parts[0]);
        long end = parseUint16(parts[1]);
        if (end < start) throw new IllegalArgumentException("invalid range specified for port: " + ports);
        return new long[] {start, end};
    }

    private static long parseUint16(String s) {
        if (s.isEmpty() || !s.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new IllegalArgumentException("strconv.ParseUint: parsing \"" + s + "\": invalid syntax");
        }
        if (s.length() > 5 || Long.parseLong(s) > 65535) {
            throw new IllegalArgumentException("strconv.ParseUint: parsing \"" + s + "\": value out of range");
        }
        return Long.parseLong(s);
    }

    private static boolean isIp(String text) {
        // Go's net.ParseIP: four decimal bytes, or an IPv6 literal (never a host name or 1.2.3)
        if (!text.contains(":") && !fourBytes(text)) return false;
        if (text.contains(":") && !text.matches("[0-9a-fA-F:.]+")) return false;
        try {
            InetAddress.getByName(text);
            return true;
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private static boolean fourBytes(String text) {
        String[] parts = text.split("\\.", -1);
        if (parts.length != 4) return false;
        for (String p : parts) {
            if (!p.matches("[0-9]{1,3}") || Integer.parseInt(p) > 255) return false;
        }
        return true;
    }
}
