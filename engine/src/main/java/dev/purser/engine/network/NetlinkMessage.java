package dev.purser.engine.network;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * One rtnetlink request as the kernel reads it: a {@code struct nlmsghdr}, the message's fixed
 * header ({@code ifinfomsg}, {@code ifaddrmsg}, {@code rtmsg}), then attributes ({@code struct
 * rtattr}: length, type, value padded to 4 bytes), which may nest. Host byte order throughout,
 * as netlink wants. Built once, then {@link #bytes(int)} stamps the sequence number.
 */
final class NetlinkMessage {
    static final int HEADER_LENGTH = 16;
    private static final ByteOrder ORDER = ByteOrder.nativeOrder();

    private final int type;
    private final int flags;
    private final ByteArrayOutputStream body = new ByteArrayOutputStream();
    /** Offsets (in body) of the nested attributes still open. */
    private final Deque<Integer> open = new ArrayDeque<>();
    private byte[] finished;

    private NetlinkMessage(int type, int flags) {
        this.type = type;
        this.flags = flags;
    }

    static NetlinkMessage of(int type, int flags) {
        return new NetlinkMessage(type, flags);
    }

    /** {@code struct ifinfomsg}: family, type, index, flags, change mask. */
    NetlinkMessage ifinfo(int index, int ifFlags, int change) {
        ByteBuffer b = buffer(16);
        b.put((byte) 0).put((byte) 0).putShort((short) 0).putInt(index).putInt(ifFlags).putInt(change);
        return raw(b.array());
    }

    /** {@code struct ifaddrmsg}: AF_INET, prefix length, flags, scope, index. */
    NetlinkMessage ifaddr(int prefixLength, int scope, int index) {
        ByteBuffer b = buffer(8);
        b.put((byte) Netlink.AF_INET).put((byte) prefixLength).put((byte) 0).put((byte) scope).putInt(index);
        return raw(b.array());
    }

    /** {@code struct rtmsg}: an IPv4 route in the main table. */
    NetlinkMessage rtmsg(int dstLength, int protocol, int scope, int routeType) {
        ByteBuffer b = buffer(12);
        b.put((byte) Netlink.AF_INET).put((byte) dstLength).put((byte) 0).put((byte) 0)
                .put((byte) Netlink.RT_TABLE_MAIN).put((byte) protocol).put((byte) scope).put((byte) routeType)
                .putInt(0);
        return raw(b.array());
    }

    NetlinkMessage attribute(int attrType, byte[] value) {
        ByteBuffer b = buffer(4);
        b.putShort((short) (4 + value.length)).putShort((short) attrType);
        raw(b.array());
        raw(value);
        return pad();
    }

    NetlinkMessage attribute(int attrType, int value) {
        return attribute(attrType, buffer(4).putInt(value).array());
    }

    /** A NUL-terminated string, as the kernel wants names. */
    NetlinkMessage attribute(int attrType, String value) {
        byte[] s = value.getBytes(StandardCharsets.US_ASCII);
        byte[] z = new byte[s.length + 1];
        System.arraycopy(s, 0, z, 0, s.length);
        return attribute(attrType, z);
    }

    /** Opens a nested attribute; what follows until {@link #end()} is inside it. */
    NetlinkMessage begin(int attrType) {
        open.push(body.size());
        ByteBuffer b = buffer(4);
        b.putShort((short) 0).putShort((short) attrType);
        return raw(b.array());
    }

    NetlinkMessage end() {
        int at = open.pop();
        byte[] all = body.toByteArray();
        ByteBuffer.wrap(all).order(ORDER).putShort(at, (short) (all.length - at));
        body.reset();
        body.writeBytes(all);
        return this;
    }

    /** The whole message with sequence number {@code seq}. */
    byte[] bytes(int seq) {
        if (!open.isEmpty()) {
            throw new IllegalStateException("a nested attribute is still open");
        }
        if (finished == null) {
            finished = body.toByteArray();
        }
        ByteBuffer b = buffer(HEADER_LENGTH + finished.length);
        b.putInt(HEADER_LENGTH + finished.length).putShort((short) type).putShort((short) flags).putInt(seq).putInt(0);
        b.put(finished);
        return b.array();
    }

    int type() {
        return type;
    }

    private NetlinkMessage raw(byte[] bytes) {
        body.writeBytes(bytes);
        return this;
    }

    private NetlinkMessage pad() {
        while (body.size() % 4 != 0) {
            body.write(0);
        }
        return this;
    }

    private static ByteBuffer buffer(int n) {
        return ByteBuffer.allocate(n).order(ORDER);
    }
}
