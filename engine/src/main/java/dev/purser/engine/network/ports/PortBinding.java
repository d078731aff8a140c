package dev.purser.engine.network.ports;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Docker's {@code PortBinding}: a host address and port a container port is published on. In a
 * request ({@code HostConfig.PortBindings}) both may be empty: {@code HostIp} "" means every
 * address, {@code HostPort} "" or "0" a free port from the host's ephemeral range, and
 * {@code HostPort} may be a range ("8000-8010") to pick one from. In
 * {@code NetworkSettings.Ports} both are what was bound.
 */
public record PortBinding(@JsonProperty("HostIp") String hostIp, @JsonProperty("HostPort") String hostPort) {
    @JsonCreator
    public PortBinding {
        hostIp = hostIp == null ? "" : hostIp;
        hostPort = hostPort == null ? "" : hostPort;
    }
}
