package dev.purser.engine.network;

import java.util.Map;

/**
 * A network containers can be on, with Docker's names: {@code bridge} (driver bridge, a Linux
 * bridge device with a subnet and gateway), {@code host} and {@code none} (driver null), and the
 * user-defined ones, each a bridge of its own ({@code br-} and the id's first 12 hex digits).
 *
 * @param subnet   null for networks without addresses (host, none)
 * @param gateway  null likewise
 * @param bridge   the bridge device, empty when there is none
 * @param internal no masquerade for its containers' outbound traffic (Docker's {@code --internal})
 * @param builtin  one of Docker's predefined three, which cannot be removed
 * @param ipRange  the part of the subnet its containers get addresses from ({@code --ip-range},
 *                 the default bridge's {@code --fixed-cidr}); null: all of it
 * @param subnetConfigured the subnet was given at create (Docker allows {@code --ip} only then)
 */
public record Network(String id, String name, String driver, Ipv4Cidr subnet, Ipv4Address gateway, String bridge,
                      String created, boolean internal, Map<String, String> labels, boolean builtin, Ipv4Cidr ipRange,
                      boolean subnetConfigured) {
    public Network {
        labels = labels == null ? Map.of() : Map.copyOf(labels);
    }

    /** Without an address range, its subnet chosen from the pools. */
    public Network(String id, String name, String driver, Ipv4Cidr subnet, Ipv4Address gateway, String bridge,
                   String created, boolean internal, Map<String, String> labels, boolean builtin) {
        this(id, name, driver, subnet, gateway, bridge, created, internal, labels, builtin, null, false);
    }

    static Network predefined(String id, String name, String driver, Ipv4Cidr subnet, Ipv4Address gateway, String bridge,
                              String created, Ipv4Cidr ipRange) {
        return new Network(id, name, driver, subnet, gateway, bridge, created, false, Map.of(), true, ipRange, false);
    }

    public boolean bridged() {
        return "bridge".equals(driver);
    }
}
