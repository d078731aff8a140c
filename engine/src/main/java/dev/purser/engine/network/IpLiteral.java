package dev.purser.engine.network;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/**
 * An IP address written as a literal (IPv4 dotted quad or IPv6), read without ever asking a
 * name server (which {@link InetAddress#getByName} does for anything that is not a literal),
 * and written back in the canonical form Docker writes (RFC 5952 for IPv6, IPv4-mapped
 * addresses as IPv4).
 */
public record IpLiteral(InetAddress address) {
    private static final Pattern OCTET = Pattern.compile("25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9]");
    private static final Pattern IPV4 = Pattern.compile("(" + OCTET + ")(\\.(" + OCTET + ")){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]+(%[^%]+)?");

    /** The address {@code text} spells; an IllegalArgumentException when it is not a literal. */
    public static IpLiteral parse(String text) {
        if (text == null || text.isEmpty()) {
            throw new IllegalArgumentException("IP address is not correctly formatted: " + text);
        }
        boolean v4 = IPV4.matcher(text).matches();
        boolean v6 = !v4 && text.contains(":") && IPV6.matcher(text).matches();
        if (!v4 && !v6) {
            throw new IllegalArgumentException("IP address is not correctly formatted: " + text);
        }
        try {
            // brackets: an IPv6 spelling that is not a literal fails instead of being looked up
            return new IpLiteral(InetAddress.getByName(v6 ? "[" + text + "]" : text));
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("IP address is not correctly formatted: " + text);
        }
    }

    public boolean isLoopback() {
        return address.isLoopbackAddress();
    }

    public boolean isIpv6() {
        return address instanceof Inet6Address;
    }

    @Override
    public String toString() {
        if (address instanceof Inet4Address) {
            return address.getHostAddress();
        }
        byte[] b = address.getAddress();
        int[] groups = new int[8];
        for (int i = 0; i < 8; i++) {
            groups[i] = ((b[2 * i] & 0xff) << 8) | (b[2 * i + 1] & 0xff);
        }
        // the longest run of two or more zero groups (the first of equal ones) becomes "::"
        int bestStart = -1;
        int bestLength = 1;
        for (int i = 0; i < 8; ) {
            if (groups[i] != 0) {
                i++;
                continue;
            }
            int j = i;
            while (j < 8 && groups[j] == 0) {
                j++;
            }
            if (j - i > bestLength) {
                bestStart = i;
                bestLength = j - i;
            }
            i = j;
        }
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                s.append("::");
                i += bestLength - 1;
                continue;
            }
            if (s.length() > 0 && s.charAt(s.length() - 1) != ':') {
                s.append(':');
            }
            s.append(Integer.toHexString(groups[i]));
        }
        String scope = address instanceof Inet6Address a && a.getScopeId() != 0 ? "%" + a.getScopeId() : "";
        if (address instanceof Inet6Address a && a.getScopedInterface() != null) {
            scope = "%" + a.getScopedInterface().getName();
        }
        return s + scope;
    }
}
