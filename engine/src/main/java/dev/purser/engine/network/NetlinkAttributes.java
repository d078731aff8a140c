package dev.purser.engine.network;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** The attributes ({@code struct rtattr}) of one netlink reply, by type; the last of a type wins. */
final class NetlinkAttributes {
    private static final int NLA_TYPE_MASK = 0x3fff;
    private final Map<Integer, byte[]> values;

    private NetlinkAttributes(Map<Integer, byte[]> values) {
        this.values = values;
    }

    /** The attributes in {@code buf[from, to)}. */
    static NetlinkAttributes parse(byte[] buf, int from, int to) {
        Map<Integer, byte[]> values = new HashMap<>();
        ByteBuffer b = ByteBuffer.wrap(buf).order(ByteOrder.nativeOrder());
        int at = from;
        while (at + 4 <= to) {
            int length = Short.toUnsignedInt(b.getShort(at));
            int type = Short.toUnsignedInt(b.getShort(at + 2)) & NLA_TYPE_MASK;
            if (length < 4 || at + length > to) {
                break;
            }
            byte[] v = new byte[length - 4];
            System.arraycopy(buf, at + 4, v, 0, v.length);
            values.put(type, v);
            at += (length + 3) & ~3;
        }
        return new NetlinkAttributes(values);
    }

    Optional<byte[]> bytes(int type) {
        return Optional.ofNullable(values.get(type));
    }

    Optional<String> string(int type) {
        return bytes(type).map(v -> {
            int n = 0;
            while (n < v.length && v[n] != 0) {
                n++;
            }
            return new String(v, 0, n, StandardCharsets.US_ASCII);
        });
    }

    Optional<Integer> integer(int type) {
        return bytes(type).filter(v -> v.length >= 4).map(v -> ByteBuffer.wrap(v).order(ByteOrder.nativeOrder()).getInt());
    }

    Optional<NetlinkAttributes> nested(int type) {
        return bytes(type).map(v -> parse(v, 0, v.length));
    }
}
