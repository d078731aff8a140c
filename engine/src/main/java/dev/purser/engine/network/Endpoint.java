package dev.purser.engine.network;

/**
 * A container's attachment to a bridge network while it runs: its address there, the gateway,
 * the MAC of its {@code eth0} (Docker's, from the address), and the host end of its veth pair.
 */
public record Endpoint(String containerId, String networkId, String endpointId, Ipv4Address address, int prefixLength,
                       Ipv4Address gateway, String macAddress, String hostInterface, int pid) {

    /** Where the container's network namespace is, as inspect's SandboxKey shows it. */
    public String sandboxKey() {
        return "/proc/" + pid + "/ns/net";
    }
}
