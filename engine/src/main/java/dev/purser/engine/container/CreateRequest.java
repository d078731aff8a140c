package dev.purser.engine.container;

/** What {@code docker create} asks for: an optional name, the config and the host config. */
public record CreateRequest(String name, ContainerConfig config, HostConfig hostConfig) {
    public CreateRequest {
        if (config == null) {
            throw new IllegalArgumentException("config cannot be empty in order to create a container");
        }
        hostConfig = hostConfig == null ? HostConfig.defaults() : hostConfig;
    }
}
