package dev.purser.engine.container;

import com.fasterxml.jackson.annotation.JsonIgnore;
import dev.purser.engine.mount.MountPoint;
import dev.purser.engine.network.EndpointConfig;
import dev.purser.engine.network.Networks;
import java.nio.file.Path;
import java.util.List;

/**
 * One container as Docker's {@code inspect} shows it. Immutable: every change of state or name
 * is a new record, written by the {@link ContainerStore}.
 */
public record Container(
        String id,
        String created,
        String path,
        List<String> args,
        ContainerState state,
        String image,
        String resolvConfPath,
        String hostnamePath,
        String hostsPath,
        String logPath,
        String name,
        int restartCount,
        String driver,
        String platform,
        ContainerConfig config,
        HostConfig hostConfig,
        boolean hasBeenManuallyStopped,
        @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
        List<MountPoint> mountPoints,
        @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
        List<EndpointConfig> endpoints) {

    public Container {
        args = args == null ? List.of() : List.copyOf(args);
        mountPoints = mountPoints == null ? null : List.copyOf(mountPoints);
        endpoints = endpoints == null ? null : List.copyOf(endpoints);
    }

    /** A record as written before endpoint configs were kept (tests). */
    public Container(String id, String created, String path, List<String> args, ContainerState state, String image,
                     String resolvConfPath, String hostnamePath, String hostsPath, String logPath, String name,
                     int restartCount, String driver, String platform, ContainerConfig config, HostConfig hostConfig,
                     boolean hasBeenManuallyStopped, List<MountPoint> mountPoints) {
        this(id, created, path, args, state, image, resolvConfPath, hostnamePath, hostsPath, logPath, name, restartCount,
                driver, platform, config, hostConfig, hasBeenManuallyStopped, mountPoints, null);
    }

    /** A container whose mounts are read from its HostConfig alone (no volumes). */
    public Container(String id, String created, String path, List<String> args, ContainerState state, String image,
                     String resolvConfPath, String hostnamePath, String hostsPath, String logPath, String name,
                     int restartCount, String driver, String platform, ContainerConfig config, HostConfig hostConfig,
                     boolean hasBeenManuallyStopped) {
        this(id, created, path, args, state, image, resolvConfPath, hostnamePath, hostsPath, logPath, name, restartCount,
                driver, platform, config, hostConfig, hasBeenManuallyStopped, null, null);
    }

    /**
     * The networks the container is on, the one its NetworkMode names first, each with what it
     * asked for there; a record written before endpoints were kept has its NetworkMode's network
     * alone. Empty for host, none and {@code container:}, which have no endpoint of their own.
     */
    @JsonIgnore
    public List<EndpointConfig> endpointConfigs() {
        if (endpoints != null) {
            return endpoints;
        }
        String mode = hostConfig.networkMode();
        return Networks.bridged(mode) ? List.of(EndpointConfig.plain(Networks.networkName(mode))) : List.of();
    }

    /**
     * The names the container's peers on a user-defined network resolve it by (Docker's
     * DNSNames): its name, its aliases there, its short id and its hostname, each once.
     */
    public List<String> dnsNames(EndpointConfig endpoint) {
        java.util.LinkedHashSet<String> names = new java.util.LinkedHashSet<>();
        names.add(shortName());
        names.addAll(endpoint.aliases());
        names.add(shortId());
        if (config.hostname() != null && !config.hostname().isEmpty()) {
            names.add(config.hostname());
        }
        return List.copyOf(names);
    }

    public Container withEndpoints(List<EndpointConfig> newEndpoints) {
        return new Container(id, created, path, args, state, image, resolvConfPath, hostnamePath, hostsPath, logPath,
                name, restartCount, driver, platform, config, hostConfig, hasBeenManuallyStopped, mountPoints, newEndpoints);
    }

    /**
     * The container's own mounts, shallower first, as resolved at its create (volumes named,
     * {@code --volumes-from} taken in); a record written before volumes existed has them from
     * its HostConfig.
     */
    @JsonIgnore
    public List<MountPoint> ownMounts() {
        return mountPoints != null ? mountPoints : hostConfig.mountPoints(false);
    }

    /** A container just created in {@code dir}: its files there, its command from {@code config}. */
    static Container newlyCreated(String id, String name, String imageId, ContainerConfig config, HostConfig hostConfig,
                             Path dir, String createdAt, List<MountPoint> mounts, List<EndpointConfig> endpoints) {
        List<String> commandLine = config.commandLine();
        return new Container(id, createdAt, commandLine.get(0), commandLine.subList(1, commandLine.size()),
                ContainerState.created(), imageId, dir.resolve("resolv.conf").toString(),
                dir.resolve("hostname").toString(), dir.resolve("hosts").toString(),
                dir.resolve(id + "-json.log").toString(), name, 0, "overlay2", "linux", config, hostConfig, false, mounts,
                endpoints);
    }

    /** The name without Docker's leading slash. */
    @JsonIgnore
    public String shortName() {
        return name.startsWith("/") ? name.substring(1) : name;
    }

    @JsonIgnore
    public String shortId() {
        return id.substring(0, 12);
    }

    public Container withState(ContainerState newState) {
        return new Container(id, created, path, args, newState, image, resolvConfPath, hostnamePath, hostsPath, logPath,
                name, restartCount, driver, platform, config, hostConfig, hasBeenManuallyStopped, mountPoints, endpoints);
    }

    /** This record with a restart the policy had scheduled cancelled: plainly exited. */
    Container exitedIfRestarting() {
        return state.restarting() ? withState(state.exited(state.exitCode(), false, state.finishedAt())) : this;
    }

    public Container withName(String newName) {
        return new Container(id, created, path, args, state, image, resolvConfPath, hostnamePath, hostsPath, logPath,
                newName.startsWith("/") ? newName : "/" + newName, restartCount, driver, platform, config, hostConfig,
                hasBeenManuallyStopped, mountPoints, endpoints);
    }

    /** Docker remembers a stop by hand: unless-stopped containers then stay down across daemon restarts. */
    public Container withManuallyStopped(boolean stopped) {
        return new Container(id, created, path, args, state, image, resolvConfPath, hostnamePath, hostsPath, logPath,
                name, restartCount, driver, platform, config, hostConfig, stopped, mountPoints, endpoints);
    }

    public Container withHostConfig(HostConfig newHostConfig) {
        return new Container(id, created, path, args, state, image, resolvConfPath, hostnamePath, hostsPath, logPath,
                name, restartCount, driver, platform, config, newHostConfig, hasBeenManuallyStopped, mountPoints, endpoints);
    }

    public Container withRestartCount(int count) {
        return new Container(id, created, path, args, state, image, resolvConfPath, hostnamePath, hostsPath, logPath,
                name, count, driver, platform, config, hostConfig, hasBeenManuallyStopped, mountPoints, endpoints);
    }

    /**
     * This container as it runs in {@code target}'s network namespace ({@code --net container:}):
     * with the target's hostname and domain name and its hostname, hosts and resolv.conf files,
     * as Docker starts it. Only what the stage is given; the record keeps its own.
     */
    Container joiningNetworkOf(Container target) {
        ContainerConfig c = config;
        ContainerConfig joined = new ContainerConfig(target.config().hostname(), target.config().domainname(), c.user(),
                c.attachStdin(), c.attachStdout(), c.attachStderr(), c.tty(), c.openStdin(), c.stdinOnce(), c.env(),
                c.cmd(), c.image(), c.volumes(), c.workingDir(), c.entrypoint(), c.labels(), c.stopSignal(),
                c.stopTimeout());
        return new Container(id, created, path, args, state, image, target.resolvConfPath(), target.hostnamePath(),
                target.hostsPath(), logPath, name, restartCount, driver, platform, joined, hostConfig, hasBeenManuallyStopped,
                mountPoints, endpoints);
    }
}
