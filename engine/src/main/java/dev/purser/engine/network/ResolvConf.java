package dev.purser.engine.network;

import java.util.ArrayList;
import java.util.List;

/**
 * A resolv.conf as Docker reads and writes it: name servers, search domains ({@code domain} is
 * read as a one-domain search list, the last of the two wins), options, and the lines it does
 * not know, kept as they are; comments and blank lines are dropped.
 *
 * <p>A container on a network of its own cannot reach the host's loopback resolvers (such as
 * systemd-resolved's 127.0.0.53), so {@link #forOwnNetwork} drops them, and the IPv6 ones when
 * the container has no IPv6 network, and falls back to Docker's public servers when none is
 * left; a container on the host's network gets the host's servers as they are.
 */
public record ResolvConf(List<String> nameservers, List<String> search, List<String> options, List<String> other,
                         boolean usedFallbacks) {
    /** Docker's fallback name servers, IPv4 then IPv6. */
    public static final List<String> FALLBACK_IPV4 = List.of("8.8.8.8", "8.8.4.4");
    public static final List<String> FALLBACK_IPV6 = List.of("2001:4860:4860::8888", "2001:4860:4860::8844");

    public ResolvConf {
        nameservers = List.copyOf(nameservers);
        search = List.copyOf(search);
        options = List.copyOf(options);
        other = List.copyOf(other);
    }

    /** The file's text, as the resolver reads it (a nameserver that is not an IP address is left out, as Docker does). */
    public static ResolvConf parse(String text) {
        List<String> nameservers = new ArrayList<>();
        List<String> search = new ArrayList<>();
        List<String> options = new ArrayList<>();
        List<String> other = new ArrayList<>();
        for (String line : text.split("\n", -1)) {
            if (line.isEmpty() || line.charAt(0) == '#' || line.charAt(0) == ';') {
                continue;
            }
            String[] f = line.trim().split("\\s+");
            if (f.length == 0 || f[0].isEmpty()) {
                continue;
            }
            switch (f[0]) {
                case "nameserver" -> {
                    if (f.length >= 2) {
                        try {
                            nameservers.add(IpLiteral.parse(f[1]).toString());
                        } catch (IllegalArgumentException e) {
                            // an unusable server: the resolver would skip it too
                        }
                    }
                }
                case "domain", "search" -> {
                    if (f.length >= 2) {
                        search = new ArrayList<>(List.of(f).subList(1, f.length));
                    }
                }
                case "options" -> options.addAll(List.of(f).subList(1, f.length));
                default -> other.add(line);
            }
        }
        return new ResolvConf(nameservers, search, options, other, false);
    }

    /**
     * {@code --dns}, {@code --dns-search} and {@code --dns-option}: each, when given, replaces
     * its part of the file ({@code .} in the search list means "no search domains").
     */
    public ResolvConf overriddenBy(List<String> dns, List<String> dnsSearch, List<String> dnsOptions) {
        List<String> ns = nameservers;
        if (!dns.isEmpty()) {
            ns = dns.stream().map(d -> IpLiteral.parse(d).toString()).toList();
        }
        List<String> s = dnsSearch.isEmpty() ? search : dnsSearch.stream().filter(d -> !d.equals(".")).toList();
        List<String> o = dnsOptions.isEmpty() ? options : dnsOptions;
        return new ResolvConf(ns, s, o, other, usedFallbacks);
    }

    /**
     * For a container in a network namespace of its own: loopback servers dropped (and IPv6 ones
     * without {@code ipv6}), Docker's fallbacks when none is left. Servers the user gave with
     * {@code --dns} are kept as given: {@code dnsGiven}.
     */
    public ResolvConf forOwnNetwork(boolean ipv6, boolean dnsGiven) {
        if (dnsGiven) {
            return this;
        }
        List<String> kept = new ArrayList<>();
        for (String ns : nameservers) {
            IpLiteral ip = IpLiteral.parse(ns);
            if (!ip.isLoopback() && (!ip.isIpv6() || ipv6)) {
                kept.add(ns);
            }
        }
        boolean fallback = kept.isEmpty();
        if (fallback) {
            kept.addAll(FALLBACK_IPV4);
            if (ipv6) {
                kept.addAll(FALLBACK_IPV6);
            }
        }
        return new ResolvConf(kept, search, options, other, fallback);
    }

    /** The file as purser writes it, with a comment that says where it came from. */
    public String render(String source) {
        StringBuilder b = new StringBuilder();
        b.append("# Written by purser from the host's ").append(source)
                .append(". Edit it freely: purser keeps an edited file as it is.\n\n");
        for (String ns : nameservers) {
            b.append("nameserver ").append(ns).append('\n');
        }
        if (!search.isEmpty()) {
            b.append("search ").append(String.join(" ", search)).append('\n');
        }
        if (!options.isEmpty()) {
            b.append("options ").append(String.join(" ", options)).append('\n');
        }
        for (String line : other) {
            b.append(line).append('\n');
        }
        if (usedFallbacks) {
            b.append("\n# None of the host's name servers can be reached from the container: public ones instead.\n");
        }
        return b.toString();
    }
}
