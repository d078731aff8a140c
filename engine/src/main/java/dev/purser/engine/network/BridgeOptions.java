package dev.purser.engine.network;

/**
 * How the default bridge is set up: the daemon's {@code --bip}, {@code --fixed-cidr},
 * {@code --mtu}, {@code --ip-forward} and {@code --iptables}, and the bridge device's name.
 *
 * @param bip       the bridge's address and subnet; null: 172.17.0.1/16, or the first of
 *                  172.18-31.0.1/16 the host does not use, as Docker picks
 * @param fixedCidr the part of the subnet containers get addresses from; null: all of it
 * @param mtu       of the bridge and every veth
 * @param ipForward set net.ipv4.ip_forward=1 at start
 * @param iptables  manage the masquerade and forward rules with the host's iptables
 * @param icc       containers on the bridge may reach each other ({@code --icc}); false drops
 *                  bridge-to-bridge traffic in FORWARD (needs iptables)
 */
public record BridgeOptions(String bridgeName, Ipv4Cidr bip, Ipv4Cidr fixedCidr, int mtu, boolean ipForward, boolean iptables,
                            boolean icc) {
    public static final String DEFAULT_BRIDGE = "purser0";
    public static final int DEFAULT_MTU = 1500;

    public BridgeOptions {
        if (bridgeName == null || bridgeName.isEmpty() || bridgeName.length() > 15) {
            throw new IllegalArgumentException("invalid bridge name: " + bridgeName);
        }
        if (mtu < 68 || mtu > 65535) {
            throw new IllegalArgumentException("invalid MTU: " + mtu + " (must be between 68 and 65535)");
        }
        if (bip != null && (bip.prefixLength() > 30 || bip.address().equals(bip.network()) || bip.address().equals(bip.broadcast()))) {
            throw new IllegalArgumentException("invalid --bip " + bip + ": the bridge needs a host address in a subnet of /30 or larger");
        }
        if (!icc && !iptables) {
            throw new IllegalArgumentException("You specified --iptables=false with --icc=false. ICC=false can only be used if iptables=true");
        }
        if (fixedCidr != null && bip != null && !bip.subnet().contains(fixedCidr.subnet())) {
            throw new IllegalArgumentException("--fixed-cidr " + fixedCidr + " is not inside the bridge subnet " + bip.subnet());
        }
    }

    public static BridgeOptions defaults() {
        return new BridgeOptions(DEFAULT_BRIDGE, null, null, DEFAULT_MTU, true, true, true);
    }

    public BridgeOptions withBip(Ipv4Cidr value) {
        return new BridgeOptions(bridgeName, value, fixedCidr, mtu, ipForward, iptables, icc);
    }

    public BridgeOptions withFixedCidr(Ipv4Cidr value) {
        return new BridgeOptions(bridgeName, bip, value, mtu, ipForward, iptables, icc);
    }

    public BridgeOptions withMtu(int value) {
        return new BridgeOptions(bridgeName, bip, fixedCidr, value, ipForward, iptables, icc);
    }

    public BridgeOptions withIpForward(boolean value) {
        return new BridgeOptions(bridgeName, bip, fixedCidr, mtu, value, iptables, icc);
    }

    public BridgeOptions withIptables(boolean value) {
        return new BridgeOptions(bridgeName, bip, fixedCidr, mtu, ipForward, value, icc);
    }

    public BridgeOptions withBridgeName(String value) {
        return new BridgeOptions(value, bip, fixedCidr, mtu, ipForward, iptables, icc);
    }

    public BridgeOptions withIcc(boolean value) {
        return new BridgeOptions(bridgeName, bip, fixedCidr, mtu, ipForward, iptables, value);
    }
}
