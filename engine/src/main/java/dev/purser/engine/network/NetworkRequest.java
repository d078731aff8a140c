package dev.purser.engine.network;

import java.util.Map;

/**
 * A {@code network create}: Docker's fields purser applies.
 *
 * @param subnet  null: the first free pool of Docker's defaults
 * @param gateway null: the subnet's first address
 */
public record NetworkRequest(String name, String driver, Ipv4Cidr subnet, Ipv4Address gateway, boolean internal,
                             Map<String, String> labels) {
    public NetworkRequest {
        driver = driver == null || driver.isEmpty() ? "bridge" : driver;
        labels = labels == null ? Map.of() : Map.copyOf(labels);
    }
}
