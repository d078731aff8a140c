package dev.purser.engine.network;

import java.util.Map;

/**
 * A {@code network create}: Docker's fields purser applies.
 *
 * @param subnet  null: the first free pool of Docker's defaults
 * @param gateway null: the first address containers could get (of the range when there is one)
 * @param ipRange the part of the subnet containers get addresses from ({@code --ip-range}); null: all of it
 */
public record NetworkRequest(String name, String driver, Ipv4Cidr subnet, Ipv4Address gateway, boolean internal,
                             Map<String, String> labels, Ipv4Cidr ipRange) {
    public NetworkRequest {
        driver = driver == null || driver.isEmpty() ? "bridge" : driver;
        labels = labels == null ? Map.of() : Map.copyOf(labels);
    }

    /** Without an address range. */
    public NetworkRequest(String name, String driver, Ipv4Cidr subnet, Ipv4Address gateway, boolean internal,
                          Map<String, String> labels) {
        this(name, driver, subnet, gateway, internal, labels, null);
    }
}
