package dev.purser.engine.network.ports;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/**
 * Where on the host a port is published: every address ({@code HostIp} "", Docker's default,
 * which is 0.0.0.0 and, where the host has IPv6, ::), or one address. {@link #shown()} is what
 * NetworkSettings.Ports reports for it, one entry per address family.
 */
public record HostAddress(InetAddress address, boolean ipv4, boolean ipv6) {
    private static final InetAddress ANY4 = literal("0.0.0.0");
    private static final InetAddress ANY6 = literal("::");

    /** {@code HostIp} as a request gives it; an IllegalArgumentException with the docker CLI's words when it is no address. */
    public static HostAddress parse(String hostIp, boolean hostHasIpv6) {
        if (hostIp.isEmpty()) {
            return new HostAddress(null, true, hostHasIpv6);
        }
        String text = hostIp.startsWith("[") && hostIp.endsWith("]") ? hostIp.substring(1, hostIp.length() - 1) : hostIp;
        // Go's net.ParseIP: four decimal bytes, or an IPv6 literal (never a host name or 1.2.3)
        if (text.contains(":") ? !text.matches("[0-9a-fA-F:.]+") : !fourBytes(text)) {
            throw new IllegalArgumentException("invalid IP address: " + hostIp);
        }
        InetAddress a;
        try {
            a = InetAddress.getByName(text);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("invalid IP address: " + hostIp);
        }
        return new HostAddress(a, a instanceof Inet4Address, a instanceof Inet6Address);
    }

    private static boolean fourBytes(String text) {
        String[] parts = text.split("\\.", -1);
        if (parts.length != 4) return false;
        for (String p : parts) {
            if (!p.matches("[0-9]{1,3}") || Integer.parseInt(p) > 255) return false;
        }
        return true;
    }

    public boolean everyAddress() {
        return address == null;
    }

    /** The addresses NetworkSettings.Ports lists, in Docker's order (IPv4 first). */
    public List<String> shown() {
        if (address == null) {
            return ipv6 ? List.of("0.0.0.0", "::") : List.of("0.0.0.0");
        }
        return List.of(text(address));
    }

    /** The address the listening socket is bound to: :: serves IPv4 as well (a dual-stack socket). */
    InetAddress bindAddress() {
        if (address == null) {
            return ipv6 ? ANY6 : ANY4;
        }
        return address;
    }

    /** Two bindings of one port and protocol clash when they share a family and one covers the other's address. */
    boolean overlaps(HostAddress other) {
        boolean sameFamily = (ipv4 && other.ipv4) || (ipv6 && other.ipv6);
        if (!sameFamily) {
            return false;
        }
        return address == null || other.address == null || address.isAnyLocalAddress()
                || other.address.isAnyLocalAddress() || address.equals(other.address);
    }

    /** The address as Docker's portallocator names it in its error. */
    String named() {
        return address == null ? "0.0.0.0" : text(address);
    }

    static String text(InetAddress a) {
        if (a instanceof Inet6Address) {
            String full = a.getHostAddress();
            int zone = full.indexOf('%');
            return compress(zone < 0 ? full : full.substring(0, zone));
        }
        return a.getHostAddress();
    }

    /** Java writes 0:0:0:0:0:0:0:1; Go (and so Docker) writes ::1. */
    private static String compress(String full) {
        String[] groups = full.split(":");
        int bestStart = -1;
        int bestLength = 0;
        for (int i = 0; i < groups.length; ) {
            if (groups[i].equals("0")) {
                int j = i;
                while (j < groups.length && groups[j].equals("0")) j++;
                if (j - i > bestLength && j - i > 1) {
                    bestStart = i;
                    bestLength = j - i;
                }
                i = j;
            } else {
                i++;
            }
        }
        if (bestStart < 0) {
            return full;
        }
        String head = String.join(":", java.util.Arrays.copyOfRange(groups, 0, bestStart));
        String tail = String.join(":", java.util.Arrays.copyOfRange(groups, bestStart + bestLength, groups.length));
        return head + "::" + tail;
    }

    private static InetAddress literal(String text) {
        try {
            return InetAddress.getByName(text);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}
