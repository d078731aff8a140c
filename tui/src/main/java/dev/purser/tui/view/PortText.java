package dev.purser.tui.view;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Ports written as the docker CLI writes them: the PORTS column of {@code ps} (its
 * DisplayablePorts: ports published on the same number grouped into ranges per address, the
 * others listed after them), Go's {@code net.JoinHostPort}, and the natural order of
 * {@code docker port}'s lines.
 */
public final class PortText {
    private PortText() {}

    private record Port(String ip, int privatePort, int publicPort, String type) {}

    /** The PORTS column for the {@code Ports} of a container summary. */
    public static String column(JsonNode ports) {
        List<Port> list = new ArrayList<>();
        for (JsonNode p : ports) {
            list.add(new Port(p.path("IP").asText(""), p.path("PrivatePort").asInt(), p.path("PublicPort").asInt(),
                    p.path("Type").asText("tcp")));
        }
        list.sort((a, b) -> {
            if (a.privatePort != b.privatePort) return Integer.compare(a.privatePort, b.privatePort);
            if (!a.ip.equals(b.ip)) return a.ip.compareTo(b.ip);
            if (a.publicPort != b.publicPort) return Integer.compare(a.publicPort, b.publicPort);
            return a.type.compareTo(b.type);
        });
        Map<String, int[]> groups = new LinkedHashMap<>();
        List<String> result = new ArrayList<>();
        List<String> hostMappings = new ArrayList<>();
        for (Port p : list) {
            String key = p.type;
            if (!p.ip.isEmpty()) {
                if (p.publicPort != p.privatePort) {
                    hostMappings.add(joinHostPort(p.ip, Integer.toString(p.publicPort)) + "->" + p.privatePort + "/" + p.type);
                    continue;
                }
                key = p.ip + "/" + p.type;
            }
            int[] group = groups.get(key);
            if (group == null) {
                groups.put(key, new int[] {p.privatePort, p.privatePort});
            } else if (p.privatePort == group[1] + 1) {
                group[1] = p.privatePort;
            } else {
                result.add(group(key, group[0], group[1]));
                groups.put(key, new int[] {p.privatePort, p.privatePort});
            }
        }
        groups.forEach((key, g) -> result.add(group(key, g[0], g[1])));
        result.addAll(hostMappings);
        return String.join(", ", result);
    }

    /** A group's key is its type, or its address and type ("0.0.0.0/tcp"). */
    private static String group(String key, int first, int last) {
        int slash = key.indexOf('/');
        String ip = slash < 0 ? "" : key.substring(0, slash);
        String type = slash < 0 ? key : key.substring(slash + 1);
        String range = first == last ? Integer.toString(first) : first + "-" + last;
        if (!ip.isEmpty()) {
            range = joinHostPort(ip, range) + "->" + range;
        }
        return range + "/" + type;
    }

    /** Go's net.JoinHostPort: an address with a colon (IPv6) in brackets. */
    public static String joinHostPort(String host, String port) {
        return host.contains(":") ? "[" + host + "]:" + port : host + ":" + port;
    }

    /** sortorder.NaturalLess: runs of digits compare as numbers, everything else as text. */
    public static int naturalOrder(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            char ca = a.charAt(i);
            char cb = b.charAt(j);
            if (Character.isDigit(ca) && Character.isDigit(cb)) {
                int si = i;
                int sj = j;
                while (i < a.length() && Character.isDigit(a.charAt(i))) i++;
                while (j < b.length() && Character.isDigit(b.charAt(j))) j++;
                String na = a.substring(si, i).replaceFirst("^0+(?=.)", "");
                String nb = b.substring(sj, j).replaceFirst("^0+(?=.)", "");
                if (na.length() != nb.length()) return Integer.compare(na.length(), nb.length());
                int c = na.compareTo(nb);
                if (c != 0) return c;
            } else {
                if (ca != cb) return Character.compare(ca, cb);
                i++;
                j++;
            }
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }
}
