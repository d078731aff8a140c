package dev.purser.engine.network;

import java.util.List;

/**
 * What a container asked for on one network (Docker's EndpointSettings as a create or a
 * {@code network connect} sends them), kept in its record: the network, the names it is known
 * by there besides its own, and the address asked for. What the network gave it while it runs
 * is its {@link Endpoint}.
 *
 * @param network     the network's name when the config was made
 * @param networkId   the network's id; null in a record written before endpoints were kept
 * @param aliases     {@code --network-alias}: more names its peers on the network resolve
 * @param ipv4Address {@code --ip}: the address asked for; null for the next free one
 */
public record EndpointConfig(String network, String networkId, List<String> aliases, String ipv4Address) {
    public EndpointConfig {
        aliases = aliases == null ? List.of() : List.copyOf(aliases);
        ipv4Address = ipv4Address == null || ipv4Address.isEmpty() ? null : ipv4Address;
    }

    /** The config of a container that asked for nothing on {@code network} but to be on it. */
    public static EndpointConfig plain(String network) {
        return new EndpointConfig(network, null, List.of(), null);
    }

    /** True when this config is for the network named or identified {@code reference}. */
    public boolean isFor(Network n) {
        return n.id().equals(networkId) || n.name().equals(network);
    }
}
