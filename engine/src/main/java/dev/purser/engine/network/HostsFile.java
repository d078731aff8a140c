package dev.purser.engine.network;

import java.util.List;

/**
 * A container's /etc/hosts as Docker builds it: the localhost lines (the IPv6 ones only where
 * the container can have IPv6), the {@code --add-host} entries, then each of the container's
 * own addresses with its name (the full name and, when it has a domain, the bare host name).
 */
public final class HostsFile {
    private static final String LOCALHOST_IPV4 = "127.0.0.1\tlocalhost\n";
    private static final String LOCALHOST_IPV6 = """
            ::1\tlocalhost ip6-localhost ip6-loopback
            fe00::\tip6-localnet
            ff00::\tip6-mcastprefix
            ff02::1\tip6-allnodes
            ff02::2\tip6-allrouters
            """;

    private HostsFile() {}

    /**
     * @param extraHosts {@code --add-host} entries, with {@code host-gateway} already replaced by an address
     * @param addresses  the container's own addresses (none on a network of loopback only)
     */
    public static String render(List<ExtraHost> extraHosts, List<IpLiteral> addresses, String hostname,
                                String domainname, boolean ipv6) {
        StringBuilder b = new StringBuilder(LOCALHOST_IPV4);
        if (ipv6) {
            b.append(LOCALHOST_IPV6);
        }
        for (ExtraHost h : extraHosts) {
            IpLiteral ip = IpLiteral.parse(h.ip());
            if (ipv6 || !ip.isIpv6()) {
                b.append(ip).append('\t').append(h.name()).append('\n');
            }
        }
        String names = hostname + (domainname.isEmpty() ? "" : "." + domainname);
        int dot = names.indexOf('.');
        if (dot >= 0) {
            names += " " + names.substring(0, dot);
        }
        for (IpLiteral ip : addresses) {
            if (ipv6 || !ip.isIpv6()) {
                b.append(ip).append('\t').append(names).append('\n');
            }
        }
        return b.toString();
    }
}
