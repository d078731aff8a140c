package dev.purser.engine.network;

/** An IPv4 address as its 32 bits (network order read as an unsigned number). */
public record Ipv4Address(int bits) implements Comparable<Ipv4Address> {

    /** Dotted quad; anything else is an {@link IllegalArgumentException} naming it. */
    public static Ipv4Address parse(String text) {
        String[] parts = text.split("\\.", -1);
        if (parts.length != 4) {
            throw new IllegalArgumentException("invalid IPv4 address: " + text);
        }
        int bits = 0;
        for (String p : parts) {
            if (p.isEmpty() || p.length() > 3 || !p.chars().allMatch(Character::isDigit)) {
                throw new IllegalArgumentException("invalid IPv4 address: " + text);
            }
            int v = Integer.parseInt(p);
            if (v > 255) {
                throw new IllegalArgumentException("invalid IPv4 address: " + text);
            }
            bits = (bits << 8) | v;
        }
        return new Ipv4Address(bits);
    }

    static Ipv4Address of(byte[] four) {
        return new Ipv4Address(((four[0] & 0xff) << 24) | ((four[1] & 0xff) << 16) | ((four[2] & 0xff) << 8) | (four[3] & 0xff));
    }

    /** The four bytes, most significant first (as netlink carries addresses). */
    public byte[] bytes() {
        return new byte[] {(byte) (bits >>> 24), (byte) (bits >>> 16), (byte) (bits >>> 8), (byte) bits};
    }

    /** The same address as Java's sockets take it. */
    public java.net.Inet4Address inet() {
        try {
            return (java.net.Inet4Address) java.net.InetAddress.getByAddress(bytes());
        } catch (java.net.UnknownHostException e) {
            throw new AssertionError("four bytes are always an IPv4 address", e);
        }
    }

    public Ipv4Address plus(int n) {
        return new Ipv4Address(bits + n);
    }

    /** Docker's MAC for an address on a bridge network: 02:42 and the address's four bytes. */
    public String dockerMac() {
        byte[] b = bytes();
        return String.format("02:42:%02x:%02x:%02x:%02x", b[0] & 0xff, b[1] & 0xff, b[2] & 0xff, b[3] & 0xff);
    }

    @Override
    public int compareTo(Ipv4Address o) {
        return Integer.compareUnsigned(bits, o.bits);
    }

    @Override
    public String toString() {
        return (bits >>> 24) + "." + ((bits >>> 16) & 0xff) + "." + ((bits >>> 8) & 0xff) + "." + (bits & 0xff);
    }
}
