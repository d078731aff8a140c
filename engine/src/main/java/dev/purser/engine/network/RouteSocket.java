package dev.purser.engine.network;

import static dev.purser.engine.network.Netlink.*;

import dev.purser.engine.runtime.Linux;
import dev.purser.engine.runtime.LinuxException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * A NETLINK_ROUTE socket in one network namespace and the link, address and route requests
 * purser makes on it, so that no {@code ip} binary is needed. Every request asks for the
 * kernel's acknowledgement; a refusal is a {@link NetlinkException} naming what was being done
 * and the errno. Not for use by two threads at once.
 */
public final class RouteSocket implements AutoCloseable {
    private static final int BUFFER = 64 * 1024;

    private final Linux linux;
    private final int fd;
    private final byte[] buf = new byte[BUFFER];
    private int seq;

    private RouteSocket(Linux linux, int fd) {
        this.linux = linux;
        this.fd = fd;
    }

    /** A socket in the engine's own network namespace. */
    public static RouteSocket inHost(Linux linux) {
        return new RouteSocket(linux, linux.socket(AF_NETLINK, SOCK_RAW, NETLINK_ROUTE));
    }

    /**
     * A socket in the network namespace of process {@code pid}. A netlink socket belongs to the
     * namespace it was opened in, for life; so a fresh platform thread joins the namespace,
     * opens the socket, and ends there: no thread of the JVM ever goes back to work in a
     * container's namespace (docs/decisions/0027).
     */
    public static RouteSocket inNamespaceOf(Linux linux, int pid) {
        return inNamespace(linux, java.nio.file.Path.of("/proc/" + pid + "/ns/net"));
    }

    /** A socket in the network namespace {@code nsFile} names (/proc/PID/ns/net, /run/netns/NAME). */
    public static RouteSocket inNamespace(Linux linux, java.nio.file.Path nsFile) {
        CompletableFuture<Integer> opened = new CompletableFuture<>();
        Thread t = new Thread(() -> {
            try {
                int ns = linux.open(nsFile.toString(), Linux.O_RDONLY);
                try {
                    linux.setns(ns, CLONE_NEWNET, "network namespace " + nsFile);
                } finally {
                    linux.close(ns);
                }
                opened.complete(linux.socket(AF_NETLINK, SOCK_RAW, NETLINK_ROUTE));
            } catch (Throwable e) {
                opened.completeExceptionally(e);
            }
        }, "netns-" + nsFile);
        t.setDaemon(true);
        t.start();
        try {
            return new RouteSocket(linux, opened.get());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while entering network namespace " + nsFile, e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /** Creates a bridge, down, with MTU {@code mtu}. */
    public void createBridge(String name, int mtu) {
        acknowledged(NetlinkMessage.of(RTM_NEWLINK, NLM_F_CREATE | NLM_F_EXCL)
                .ifinfo(0, 0, 0)
                .attribute(IFLA_IFNAME, name)
                .attribute(IFLA_MTU, mtu)
                .begin(IFLA_LINKINFO).attribute(IFLA_INFO_KIND, "bridge").end(),
                "creating bridge " + name);
    }

    /**
     * Creates a veth pair: {@code name} here, and {@code peerName} with hardware address
     * {@code peerMac} directly in the network namespace of process {@code peerPid} (0: here too).
     */
    public void createVeth(String name, String peerName, int peerPid, String peerMac, int mtu) {
        createVeth(name, peerName, peerPid, peerMac, mtu, 0, false);
    }

    /**
     * As above, in one request: with {@code masterIndex} > 0 the host end is made a port of that
     * bridge, and with {@code up} it is set up as it is created (which the kernel refuses with
     * ENOTCONN for a veth: its peer is linked only afterwards; set it up with a second request).
     */
    public void createVeth(String name, String peerName, int peerPid, String peerMac, int mtu, int masterIndex, boolean up) {
        int flags = up ? IFF_UP : 0;
        NetlinkMessage m = NetlinkMessage.of(RTM_NEWLINK, NLM_F_CREATE | NLM_F_EXCL)
                .ifinfo(0, flags, flags)
                .attribute(IFLA_IFNAME, name)
                .attribute(IFLA_MTU, mtu);
        if (masterIndex > 0) {
            m.attribute(IFLA_MASTER, masterIndex);
        }
        m.begin(IFLA_LINKINFO).attribute(IFLA_INFO_KIND, "veth")
                .begin(IFLA_INFO_DATA).begin(VETH_INFO_PEER)
                .ifinfo(0, flags, flags)
                .attribute(IFLA_IFNAME, peerName)
                .attribute(IFLA_MTU, mtu);
        if (peerMac != null) {
            m.attribute(IFLA_ADDRESS, mac(peerMac));
        }
        if (peerPid > 0) {
            m.attribute(IFLA_NET_NS_PID, peerPid);
        }
        m.end().end().end();
        acknowledged(m, "creating veth pair " + name + "/" + peerName + (peerPid > 0 ? " for pid " + peerPid : ""));
    }

    /** Moves a link into the network namespace of process {@code pid}. */
    public void moveToNamespaceOf(String name, int pid) {
        acknowledged(NetlinkMessage.of(RTM_NEWLINK, 0).ifinfo(0, 0, 0)
                .attribute(IFLA_IFNAME, name).attribute(IFLA_NET_NS_PID, pid), "moving " + name + " to the namespace of pid " + pid);
    }

    /** Moves a link into the network namespace {@code nsFd} refers to. */
    public void moveToNamespace(String name, int nsFd) {
        acknowledged(NetlinkMessage.of(RTM_NEWLINK, 0).ifinfo(0, 0, 0)
                .attribute(IFLA_IFNAME, name).attribute(IFLA_NET_NS_FD, nsFd), "moving " + name + " to namespace fd " + nsFd);
    }

    public void setMtu(String name, int mtu) {
        acknowledged(NetlinkMessage.of(RTM_NEWLINK, 0).ifinfo(0, 0, 0)
                .attribute(IFLA_IFNAME, name).attribute(IFLA_MTU, mtu), "setting the MTU of " + name + " to " + mtu);
    }

    /** Makes {@code name} a port of the bridge {@code bridge}. */
    public void setMaster(String name, String bridge) {
        int master = requireLink(bridge).index();
        acknowledged(NetlinkMessage.of(RTM_NEWLINK, 0).ifinfo(0, 0, 0)
                .attribute(IFLA_IFNAME, name).attribute(IFLA_MASTER, master), "attaching " + name + " to bridge " + bridge);
    }

    public void setUp(String name) {
        acknowledged(NetlinkMessage.of(RTM_NEWLINK, 0).ifinfo(0, IFF_UP, IFF_UP).attribute(IFLA_IFNAME, name),
                "setting " + name + " up");
    }

    public void setDown(String name) {
        acknowledged(NetlinkMessage.of(RTM_NEWLINK, 0).ifinfo(0, 0, IFF_UP).attribute(IFLA_IFNAME, name),
                "setting " + name + " down");
    }

    /** Adds an IPv4 address (and its subnet's route) to a link. */
    public void addAddress(String name, Ipv4Cidr address) {
        int index = requireLink(name).index();
        acknowledged(NetlinkMessage.of(RTM_NEWADDR, NLM_F_CREATE | NLM_F_EXCL)
                .ifaddr(address.prefixLength(), RT_SCOPE_UNIVERSE, index)
                .attribute(IFA_LOCAL, address.address().bytes())
                .attribute(IFA_ADDRESS, address.address().bytes())
                .attribute(IFA_BROADCAST, address.broadcast().bytes()),
                "adding address " + address + " to " + name);
    }

    /** The default route: via {@code gateway}, out of {@code name}. */
    public void addDefaultRoute(String name, Ipv4Address gateway) {
        int index = requireLink(name).index();
        acknowledged(NetlinkMessage.of(RTM_NEWROUTE, NLM_F_CREATE | NLM_F_EXCL)
                .rtmsg(0, RTPROT_BOOT, RT_SCOPE_UNIVERSE, RTN_UNICAST)
                .attribute(RTA_GATEWAY, gateway.bytes())
                .attribute(RTA_OIF, index),
                "adding the default route via " + gateway + " on " + name);
    }

    /**
     * The default route via {@code gateway} out of {@code name}, in place of the one there is (a
     * container on several networks moves its route when its gateway network comes or goes).
     */
    public void replaceDefaultRoute(String name, Ipv4Address gateway) {
        int index = requireLink(name).index();
        acknowledged(NetlinkMessage.of(RTM_NEWROUTE, NLM_F_CREATE | NLM_F_REPLACE)
                .rtmsg(0, RTPROT_BOOT, RT_SCOPE_UNIVERSE, RTN_UNICAST)
                .attribute(RTA_GATEWAY, gateway.bytes())
                .attribute(RTA_OIF, index),
                "setting the default route via " + gateway + " on " + name);
    }

    /** Deletes a link (for a veth, both ends). */
    public void deleteLink(String name) {
        acknowledged(NetlinkMessage.of(RTM_DELLINK, 0).ifinfo(0, 0, 0).attribute(IFLA_IFNAME, name), "deleting link " + name);
    }

    /** Deletes a link; false when there was none by that name. */
    public boolean deleteLinkIfPresent(String name) {
        try {
            deleteLink(name);
            return true;
        } catch (NetlinkException e) {
            if (e.errno() == ENODEV) {
                return false;
            }
            throw e;
        }
    }

    public List<Link> links() {
        List<Link> out = new ArrayList<>();
        dump(NetlinkMessage.of(RTM_GETLINK, NLM_F_DUMP).ifinfo(0, 0, 0), RTM_NEWLINK, "listing links",
                (at, length) -> out.add(link(at, length)));
        return out;
    }

    /** One link by name (a single request, not a dump); empty when there is none. */
    public Optional<Link> link(String name) {
        String doing = "finding link " + name;
        int mySeq = send(NetlinkMessage.of(RTM_GETLINK, 0).ifinfo(0, 0, 0).attribute(IFLA_IFNAME, name), NLM_F_REQUEST, doing);
        while (true) {
            int n = receive(doing);
            ByteBuffer b = ByteBuffer.wrap(buf, 0, n).order(ByteOrder.nativeOrder());
            for (int at = 0; at + NetlinkMessage.HEADER_LENGTH <= n; ) {
                int length = b.getInt(at);
                int type = Short.toUnsignedInt(b.getShort(at + 4));
                if (length < NetlinkMessage.HEADER_LENGTH) {
                    break;
                }
                if (b.getInt(at + 8) == mySeq) {
                    if (type == RTM_NEWLINK) {
                        return Optional.of(link(at, length));
                    }
                    if (type == NLMSG_ERROR) {
                        int error = -b.getInt(at + 16);
                        if (error == ENODEV) {
                            return Optional.empty();
                        }
                        throw new NetlinkException(doing, error);
                    }
                }
                at += (length + 3) & ~3;
            }
        }
    }

    /** Every IPv4 address in this namespace. */
    public List<InterfaceAddress> addresses() {
        List<InterfaceAddress> out = new ArrayList<>();
        dump(NetlinkMessage.of(RTM_GETADDR, NLM_F_DUMP).ifaddr(0, 0, 0), RTM_NEWADDR, "listing addresses", (at, length) -> {
            ByteBuffer b = ByteBuffer.wrap(buf).order(ByteOrder.nativeOrder());
            int family = buf[at + 16] & 0xff;
            if (family != AF_INET) {
                return;
            }
            int prefix = buf[at + 17] & 0xff;
            int index = b.getInt(at + 20);
            NetlinkAttributes a = NetlinkAttributes.parse(buf, at + 24, at + length);
            a.bytes(IFA_LOCAL).or(() -> a.bytes(IFA_ADDRESS)).filter(v -> v.length == 4)
                    .ifPresent(v -> out.add(new InterfaceAddress(index, new Ipv4Cidr(Ipv4Address.of(v), prefix))));
        });
        return out;
    }

    private Link requireLink(String name) {
        return link(name).orElseThrow(() -> new NetlinkException("finding link " + name, ENODEV));
    }

    private Link link(int at, int length) {
        ByteBuffer b = ByteBuffer.wrap(buf).order(ByteOrder.nativeOrder());
        int index = b.getInt(at + 20);
        int flags = b.getInt(at + 24);
        NetlinkAttributes a = NetlinkAttributes.parse(buf, at + 32, at + length);
        String kind = a.nested(IFLA_LINKINFO).flatMap(i -> i.string(IFLA_INFO_KIND)).orElse("");
        String mac = a.bytes(IFLA_ADDRESS).map(v -> HexFormat.ofDelimiter(":").formatHex(v)).orElse("");
        return new Link(index, a.string(IFLA_IFNAME).orElse(""), a.integer(IFLA_MTU).orElse(0), (flags & IFF_UP) != 0,
                a.integer(IFLA_MASTER).orElse(0), mac, kind);
    }

    private static final int ENODEV = 19;

    private static byte[] mac(String text) {
        byte[] b = HexFormat.ofDelimiter(":").parseHex(text);
        if (b.length != 6) {
            throw new IllegalArgumentException("invalid MAC address: " + text);
        }
        return b;
    }

    private void acknowledged(NetlinkMessage m, String doing) {
        int mySeq = send(m, NLM_F_REQUEST | NLM_F_ACK, doing);
        while (true) {
            int n = receive(doing);
            ByteBuffer b = ByteBuffer.wrap(buf, 0, n).order(ByteOrder.nativeOrder());
            for (int at = 0; at + NetlinkMessage.HEADER_LENGTH <= n; ) {
                int length = b.getInt(at);
                int type = Short.toUnsignedInt(b.getShort(at + 4));
                int s = b.getInt(at + 8);
                if (length < NetlinkMessage.HEADER_LENGTH) {
                    break;
                }
                if (s == mySeq && type == NLMSG_ERROR) {
                    int error = b.getInt(at + 16);
                    if (error != 0) {
                        throw new NetlinkException(doing, -error);
                    }
                    return;
                }
                at += (length + 3) & ~3;
            }
        }
    }

    @FunctionalInterface
    private interface Entry {
        void accept(int offset, int length);
    }

    private void dump(NetlinkMessage m, int replyType, String doing, Entry entry) {
        int mySeq = send(m, NLM_F_REQUEST | NLM_F_DUMP, doing);
        while (true) {
            int n = receive(doing);
            ByteBuffer b = ByteBuffer.wrap(buf, 0, n).order(ByteOrder.nativeOrder());
            for (int at = 0; at + NetlinkMessage.HEADER_LENGTH <= n; ) {
                int length = b.getInt(at);
                int type = Short.toUnsignedInt(b.getShort(at + 4));
                int s = b.getInt(at + 8);
                if (length < NetlinkMessage.HEADER_LENGTH) {
                    break;
                }
                if (s == mySeq) {
                    if (type == NLMSG_DONE) {
                        return;
                    }
                    if (type == NLMSG_ERROR) {
                        int error = b.getInt(at + 16);
                        throw new NetlinkException(doing, error == 0 ? 0 : -error);
                    }
                    if (type == replyType) {
                        entry.accept(at, length);
                    }
                }
                at += (length + 3) & ~3;
            }
        }
    }

    private int send(NetlinkMessage m, int flags, String doing) {
        int mySeq = ++seq;
        byte[] bytes = m.bytes(mySeq);
        // the request's own flags (create, exclusive) are added to those of the exchange
        int combined = Short.toUnsignedInt(ByteBuffer.wrap(bytes).order(ByteOrder.nativeOrder()).getShort(6)) | flags;
        ByteBuffer.wrap(bytes).order(ByteOrder.nativeOrder()).putShort(6, (short) combined);
        try {
            linux.write(fd, bytes);
        } catch (LinuxException e) {
            throw new NetlinkException(doing + " (sending)", e.errno());
        }
        return mySeq;
    }

    private int receive(String doing) {
        try {
            return linux.read(fd, buf);
        } catch (LinuxException e) {
            throw new NetlinkException(doing + " (receiving)", e.errno());
        }
    }

    @Override
    public void close() {
        linux.close(fd);
    }
}
