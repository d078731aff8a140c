package dev.purser.engine.network;

/**
 * An address with its prefix length, {@code 172.17.0.1/16}: the bridge's address and subnet as
 * {@code --bip} gives them, or a subnet ({@code --fixed-cidr}) when the address is its first.
 */
public record Ipv4Cidr(Ipv4Address address, int prefixLength) {
    public Ipv4Cidr {
        if (prefixLength < 0 || prefixLength > 32) {
            throw new IllegalArgumentException("invalid prefix length " + prefixLength);
        }
    }

    /** {@code A.B.C.D/N}; Docker's words for anything else. */
    public static Ipv4Cidr parse(String text) {
        int slash = text.indexOf('/');
        if (slash < 0) {
            throw new IllegalArgumentException("invalid CIDR address: " + text);
        }
        String prefix = text.substring(slash + 1);
        if (prefix.isEmpty() || prefix.length() > 2 || !prefix.chars().allMatch(Character::isDigit)
                || Integer.parseInt(prefix) > 32) {
            throw new IllegalArgumentException("invalid CIDR address: " + text);
        }
        try {
            return new Ipv4Cidr(Ipv4Address.parse(text.substring(0, slash)), Integer.parseInt(prefix));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("invalid CIDR address: " + text);
        }
    }

    public int mask() {
        return prefixLength == 0 ? 0 : -1 << (32 - prefixLength);
    }

    public Ipv4Address network() {
        return new Ipv4Address(address.bits() & mask());
    }

    public Ipv4Address broadcast() {
        return new Ipv4Address(network().bits() | ~mask());
    }

    /** The subnet itself, {@code 172.17.0.0/16}. */
    public Ipv4Cidr subnet() {
        return new Ipv4Cidr(network(), prefixLength);
    }

    public boolean contains(Ipv4Address a) {
        return (a.bits() & mask()) == network().bits();
    }

    public boolean contains(Ipv4Cidr other) {
        return other.prefixLength >= prefixLength && contains(other.network());
    }

    public boolean overlaps(Ipv4Cidr other) {
        return contains(other.network()) || other.contains(network());
    }

    @Override
    public String toString() {
        return address + "/" + prefixLength;
    }
}
