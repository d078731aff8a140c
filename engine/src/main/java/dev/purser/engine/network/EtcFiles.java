package dev.purser.engine.network;

import dev.purser.engine.store.AtomicFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * The hostname, hosts and resolv.conf files of a container, written into its directory and
 * bound over /etc/hostname, /etc/hosts and /etc/resolv.conf inside it, with Docker's contents
 * (docs/decisions/0030). They are rewritten at every start (the container's addresses are only
 * known then), except a resolv.conf the container edited, which is kept as Docker keeps it. A
 * container that joins another's network namespace binds that container's files instead: it
 * has none of its own.
 */
public final class EtcFiles {
    /** 0644 as Docker has them: a container running as any user must be able to resolve names. */
    private static final String READABLE = "rw-r--r--";
    private static final String SYSTEMD_STUB = "127.0.0.53";

    /** Where the host keeps what the files are derived from. */
    public record HostEtc(Path hosts, Path resolvConf, Path systemdResolvConf, Path hostname, Path ipv6Interfaces) {
        public static final HostEtc SYSTEM = new HostEtc(Path.of("/etc/hosts"), Path.of("/etc/resolv.conf"),
                Path.of("/run/systemd/resolve/resolv.conf"), Path.of("/proc/sys/kernel/hostname"),
                Path.of("/proc/net/if_inet6"));
    }

    /**
     * What a container's files say: its names, {@code --dns*}, {@code --add-host}, and its own
     * addresses (none while it has only loopback).
     *
     * @param hostNetwork on the host's network (Docker's {@code host} mode): the host's hosts and name servers
     * @param linkHosts   the {@code --link} targets' names with their addresses, after the {@code --add-host} entries
     */
    public record Identity(boolean hostNetwork, String hostname, String domainname, List<String> dns,
                           List<String> dnsSearch, List<String> dnsOptions, List<String> extraHosts,
                           List<IpLiteral> addresses, List<ExtraHost> linkHosts) {
        /** Without links. */
        public Identity(boolean hostNetwork, String hostname, String domainname, List<String> dns,
                        List<String> dnsSearch, List<String> dnsOptions, List<String> extraHosts,
                        List<IpLiteral> addresses) {
            this(hostNetwork, hostname, domainname, dns, dnsSearch, dnsOptions, extraHosts, addresses, List.of());
        }

        public Identity {
            linkHosts = linkHosts == null ? List.of() : List.copyOf(linkHosts);
            domainname = domainname == null ? "" : domainname;
            dns = dns == null ? List.of() : List.copyOf(dns);
            dnsSearch = dnsSearch == null ? List.of() : List.copyOf(dnsSearch);
            dnsOptions = dnsOptions == null ? List.of() : List.copyOf(dnsOptions);
            extraHosts = extraHosts == null ? List.of() : List.copyOf(extraHosts);
            addresses = addresses == null ? List.of() : List.copyOf(addresses);
        }
    }

    private final HostEtc host;
    private final String hostGatewayIp;

    /** @param hostGatewayIp the daemon's {@code --host-gateway-ip}, or null when it was not given */
    public EtcFiles(HostEtc host, String hostGatewayIp) {
        this.host = host;
        this.hostGatewayIp = hostGatewayIp;
        if (hostGatewayIp != null) {
            IpLiteral.parse(hostGatewayIp);
        }
    }

    /**
     * Refuses what the files could not say, with Docker's messages: a malformed
     * {@code --add-host}, a {@code --dns} that is not an IP address, {@code host-gateway} with
     * no address for it.
     */
    public void check(List<String> dns, List<String> extraHosts) {
        for (String d : dns == null ? List.<String>of() : dns) {
            IpLiteral.parse(d);
        }
        for (String e : extraHosts == null ? List.<String>of() : extraHosts) {
            if (ExtraHost.parse(e).isHostGateway() && hostGatewayIp == null) {
                throw new IllegalArgumentException("unable to derive the IP value for host-gateway: purser has no "
                        + "bridge network whose gateway it could be yet; start the daemon with --host-gateway-ip");
            }
        }
    }

    /** The host's own name, the hostname of a container on the host's network that was given none. */
    public String hostHostname() {
        try {
            return Files.readString(host.hostname()).trim();
        } catch (IOException e) {
            throw new UncheckedIOException("reading the host's name from " + host.hostname(), e);
        }
    }

    /** Writes the container's three files into {@code dir}: each replaced atomically, not fsynced (decision 0051). */
    public void write(Path dir, Identity id) {
        boolean ipv6 = Files.exists(host.ipv6Interfaces());
        AtomicFile.replaceWithoutSync(dir.resolve("hostname"), bytes(id.hostname() + "\n"), READABLE);
        AtomicFile.replaceWithoutSync(dir.resolve("hosts"), bytes(hosts(id, ipv6)), READABLE);
        writeResolvConf(dir, id, ipv6);
    }

    /**
     * Rewrites the hosts file of a running container in place: the file bound over its /etc/hosts
     * is this inode, which a rename would leave behind (docs/decisions/0044).
     */
    public void rewriteHosts(Path dir, Identity id) {
        boolean ipv6 = Files.exists(host.ipv6Interfaces());
        try {
            Files.write(dir.resolve("hosts"), bytes(hosts(id, ipv6)), java.nio.file.StandardOpenOption.WRITE,
                    java.nio.file.StandardOpenOption.TRUNCATE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("rewriting " + dir.resolve("hosts"), e);
        }
    }

    private String hosts(Identity id, boolean ipv6) {
        if (id.hostNetwork() && id.extraHosts().isEmpty()) {
            // the host's own file, as Docker copies it; with --add-host Docker builds one instead,
            // so that an entry can override a name the host's file has
            String copy = readIfExists(host.hosts());
            if (copy != null) {
                return copy;
            }
        }
        List<ExtraHost> extra = new ArrayList<>();
        for (String e : id.extraHosts()) {
            ExtraHost h = ExtraHost.parse(e);
            extra.add(h.isHostGateway() ? new ExtraHost(h.name(), gatewayIp()) : h);
        }
        extra.addAll(id.linkHosts());
        return HostsFile.render(extra, id.addresses(), id.hostname(), id.domainname(), ipv6);
    }

    private String gatewayIp() {
        if (hostGatewayIp == null) {
            throw new IllegalArgumentException("unable to derive the IP value for host-gateway");
        }
        return hostGatewayIp;
    }

    private void writeResolvConf(Path dir, Identity id, boolean ipv6) {
        Path file = dir.resolve("resolv.conf");
        Path hash = dir.resolve("resolv.conf.hash");
        if (editedSinceWritten(file, hash)) {
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(READABLE));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return;
        }
        Path source = id.hostNetwork() ? host.resolvConf() : ownNetworkSource();
        String text = readIfExists(source);
        ResolvConf rc = ResolvConf.parse(text == null ? "" : text)
                .overriddenBy(id.dns(), id.dnsSearch(), id.dnsOptions());
        if (!id.hostNetwork()) {
            // no IPv6 network exists for a container yet: only loopback, or IPv4 on a bridge
            rc = rc.forOwnNetwork(false, !id.dns().isEmpty());
        }
        byte[] content = bytes(rc.render(source.toString()));
        AtomicFile.replaceWithoutSync(file, content, READABLE);
        AtomicFile.replaceWithoutSync(hash, bytes(sha256(content)), READABLE);
    }

    /**
     * The host's /etc/resolv.conf, or systemd-resolved's list of its upstream servers when the
     * host's names only resolved's local stub (which a container cannot reach), as Docker does.
     */
    private Path ownNetworkSource() {
        String text = readIfExists(host.resolvConf());
        if (text != null && ResolvConf.parse(text).nameservers().equals(List.of(SYSTEMD_STUB))) {
            return host.systemdResolvConf();
        }
        return host.resolvConf();
    }

    private static boolean editedSinceWritten(Path file, Path hash) {
        try {
            String written = Files.readString(hash).trim();
            return !written.equals(sha256(Files.readAllBytes(file)));
        } catch (NoSuchFileException e) {
            return false;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The file's text, or null when it does not exist. */
    private static String readIfExists(Path p) {
        try {
            return Files.readString(p);
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + p, e);
        }
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
