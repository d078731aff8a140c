package dev.purser.engine.container;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.purser.engine.mount.MountPlan;
import dev.purser.engine.mount.MountPoint;
import dev.purser.engine.mount.MountSpec;
import dev.purser.engine.network.ports.PortBinding;
import dev.purser.pty.WindowSize;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Docker's {@code HostConfig}: how the host treats the container (resources, privileges,
 * restart and removal). Only the fields purser implements are here.
 */
public record HostConfig(
        @JsonProperty("CapAdd") List<String> capAdd,
        @JsonProperty("CapDrop") List<String> capDrop,
        List<String> securityOpt,
        boolean privileged,
        boolean autoRemove,
        RestartPolicy restartPolicy,
        long memory,
        long memorySwap,
        long cpuShares,
        @JsonProperty("NanoCpus") long nanoCpus,
        Long pidsLimit,
        String networkMode,
        @JsonProperty("ReadonlyRootfs") boolean readonlyRootfs,
        LogConfig logConfig,
        List<Integer> consoleSize,
        @JsonProperty("Binds") List<String> binds,
        @JsonProperty("Mounts") @JsonInclude(JsonInclude.Include.NON_NULL) List<MountSpec> mounts,
        @JsonProperty("Tmpfs") @JsonInclude(JsonInclude.Include.NON_NULL) Map<String, String> tmpfs,
        @JsonProperty("PortBindings") Map<String, List<PortBinding>> portBindings,
        @JsonProperty("PublishAllPorts") boolean publishAllPorts,
        List<String> dns,
        List<String> dnsOptions,
        List<String> dnsSearch,
        List<String> extraHosts,
        @JsonProperty("VolumesFrom") @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> volumesFrom,
        // as Docker stores them once the targets are known: /target:/linker/alias
        @JsonProperty("Links") List<String> links) {

    @JsonCreator
    public HostConfig {
        capAdd = capAdd == null ? List.of() : List.copyOf(capAdd);
        capDrop = capDrop == null ? List.of() : List.copyOf(capDrop);
        securityOpt = securityOpt == null ? List.of() : List.copyOf(securityOpt);
        restartPolicy = restartPolicy == null ? RestartPolicy.NO : restartPolicy;
        networkMode = networkMode == null || networkMode.isEmpty() ? "default" : networkMode;
        logConfig = logConfig == null ? LogConfig.DEFAULT : logConfig;
        consoleSize = consoleSize == null ? List.of(0, 0) : List.copyOf(consoleSize);
        binds = binds == null ? null : List.copyOf(binds);
        mounts = mounts == null ? null : List.copyOf(mounts);
        volumesFrom = volumesFrom == null ? List.of() : List.copyOf(volumesFrom);
        // sorted, so that inspect and the mounts' order are the same every time
        tmpfs = tmpfs == null ? null : java.util.Collections.unmodifiableMap(new TreeMap<>(tmpfs));
        portBindings = portBindings == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(portBindings));
        dns = dns == null ? List.of() : List.copyOf(dns);
        dnsOptions = dnsOptions == null ? List.of() : List.copyOf(dnsOptions);
        dnsSearch = dnsSearch == null ? List.of() : List.copyOf(dnsSearch);
        extraHosts = extraHosts == null ? null : List.copyOf(extraHosts);
        links = links == null || links.isEmpty() ? null : List.copyOf(links);
        if (consoleSize.size() != 2 || consoleSize.stream().anyMatch(n -> n < 0 || n > 65535)) {
            throw new IllegalArgumentException("invalid ConsoleSize " + consoleSize + ": expected [height, width]");
        }
    }

    /** Without mounts of the container's own. */
    public HostConfig(List<String> capAdd, List<String> capDrop, List<String> securityOpt, boolean privileged,
                      boolean autoRemove, RestartPolicy restartPolicy, long memory, long memorySwap, long cpuShares,
                      long nanoCpus, Long pidsLimit, String networkMode, boolean readonlyRootfs, LogConfig logConfig,
                      List<Integer> consoleSize) {
        this(capAdd, capDrop, securityOpt, privileged, autoRemove, restartPolicy, memory, memorySwap, cpuShares,
                nanoCpus, pidsLimit, networkMode, readonlyRootfs, logConfig, consoleSize, null, null, null);
    }

    /** Without published ports. */
    public HostConfig(List<String> capAdd, List<String> capDrop, List<String> securityOpt, boolean privileged,
                      boolean autoRemove, RestartPolicy restartPolicy, long memory, long memorySwap, long cpuShares,
                      long nanoCpus, Long pidsLimit, String networkMode, boolean readonlyRootfs, LogConfig logConfig,
                      List<Integer> consoleSize, List<String> binds, List<MountSpec> mounts, Map<String, String> tmpfs) {
        this(capAdd, capDrop, securityOpt, privileged, autoRemove, restartPolicy, memory, memorySwap, cpuShares,
                nanoCpus, pidsLimit, networkMode, readonlyRootfs, logConfig, consoleSize, binds, mounts, tmpfs, null, false,
                null, null, null, null, null, null);
    }

    /** The same settings with the links given (Docker's stored form). */
    public HostConfig withLinks(List<String> storedLinks) {
        return new HostConfig(capAdd, capDrop, securityOpt, privileged, autoRemove, restartPolicy, memory, memorySwap,
                cpuShares, nanoCpus, pidsLimit, networkMode, readonlyRootfs, logConfig, consoleSize, binds, mounts, tmpfs,
                portBindings, publishAllPorts, dns, dnsOptions, dnsSearch, extraHosts, volumesFrom, storedLinks);
    }

    /** The container's {@code --link}s; none when it has none. */
    public List<dev.purser.engine.network.ContainerLink> containerLinks() {
        return links == null ? List.of() : links.stream().map(dev.purser.engine.network.ContainerLink::parse).toList();
    }

    public static HostConfig defaults() {
        return new HostConfig(null, null, null, false, false, null, 0, 0, 0, 0, null, null, false, null, null);
    }

    /**
     * The container's own mounts (Binds, Mounts, Tmpfs), shallower first; an
     * IllegalArgumentException with Docker's message when they are not ones purser mounts.
     *
     * @param checkSources whether {@code --mount} bind sources must exist now (at create)
     */
    public List<MountPoint> mountPoints(boolean checkSources) {
        return MountPlan.of(binds == null ? List.of() : binds, mounts == null ? List.of() : mounts,
                tmpfs == null ? Map.of() : tmpfs, checkSources);
    }

    /** {@code --net container:NAME}: the container whose network namespace this one joins, or null. */
    public String networkContainer() {
        return networkMode.startsWith("container:") ? networkMode.substring("container:".length()) : null;
    }

    public boolean hostNetwork() {
        return networkMode.equals("host");
    }

    /** The terminal's size at start ({@code ConsoleSize}, height then width), or null when not given. */
    public WindowSize terminalSize() {
        return consoleSize.get(0) > 0 && consoleSize.get(1) > 0 ? new WindowSize(consoleSize.get(0), consoleSize.get(1)) : null;
    }

    public boolean noNewPrivileges() {
        return securityOptions().noNewPrivileges();
    }

    /** {@code SecurityOpt}, read; an IllegalArgumentException when it holds an option purser refuses. */
    public SecurityOptions securityOptions() {
        return SecurityOptions.parse(securityOpt);
    }

    /** Docker's {@code RestartPolicy}: {@code no}, {@code on-failure} (with a retry limit), {@code always}, {@code unless-stopped}. */
    public record RestartPolicy(String name, int maximumRetryCount) {
        public static final RestartPolicy NO = new RestartPolicy("no", 0);
    }

    /** Docker's {@code LogConfig}: the driver (json-file) and its options (max-size, max-file). */
    public record LogConfig(String type, java.util.Map<String, String> config) {
        public static final LogConfig DEFAULT = new LogConfig("json-file", java.util.Map.of());

        public LogConfig {
            config = config == null ? java.util.Map.of() : java.util.Map.copyOf(config);
        }
    }
}
