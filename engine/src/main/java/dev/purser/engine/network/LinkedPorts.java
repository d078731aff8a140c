package dev.purser.engine.network;

import dev.purser.engine.network.ports.ContainerPort;
import java.util.List;

/** A link's target on the bridge and its exposed ports: what {@code --icc=false} opens to the linker. */
public record LinkedPorts(Ipv4Address target, List<ContainerPort> ports) {
    public LinkedPorts {
        ports = List.copyOf(ports);
    }
}
