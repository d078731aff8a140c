package dev.purser.engine.container;

import dev.purser.engine.network.EndpointConfig;
import java.util.List;

/**
 * What {@code docker create} asks for: an optional name, the config, the host config, and
 * what it asks for on each network (NetworkingConfig.EndpointsConfig, keyed as sent).
 */
public record CreateRequest(String name, ContainerConfig config, HostConfig hostConfig, List<EndpointConfig> endpoints) {
    public CreateRequest {
        if (config == null) {
            throw new IllegalArgumentException("config cannot be empty in order to create a container");
        }
        hostConfig = hostConfig == null ? HostConfig.defaults() : hostConfig;
        endpoints = endpoints == null ? List.of() : List.copyOf(endpoints);
    }

    /** A create that asks for nothing on its network but to be on it. */
    public CreateRequest(String name, ContainerConfig config, HostConfig hostConfig) {
        this(name, config, hostConfig, List.of());
    }
}
