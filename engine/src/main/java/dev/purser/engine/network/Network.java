package dev.purser.engine.network;

/**
 * A network containers can be on, with Docker's names: {@code bridge} (driver bridge, a Linux
 * bridge device with a subnet and gateway), {@code host} and {@code none} (driver null). A
 * user-defined network will be another bridge one with its own device and subnet.
 *
 * @param subnet  null for networks without addresses (host, none)
 * @param gateway null likewise
 * @param bridge  the bridge device, empty when there is none
 */
public record Network(String id, String name, String driver, Ipv4Cidr subnet, Ipv4Address gateway, String bridge,
                      String created) {
    public boolean bridged() {
        return "bridge".equals(driver);
    }
}
