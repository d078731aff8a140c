package dev.purser.engine.network.ports;

/** One container port published on one host address and port, as NetworkSettings.Ports lists it. */
public record PublishedPort(ContainerPort port, String hostIp, int hostPort) {
    public PortBinding binding() {
        return new PortBinding(hostIp, Integer.toString(hostPort));
    }
}
