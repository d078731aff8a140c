package dev.purser.engine.api;

import static dev.purser.engine.api.BodyField.applied;
import static dev.purser.engine.api.BodyField.appliedValues;
import static dev.purser.engine.api.BodyField.nested;
import static dev.purser.engine.api.BodyField.refused;
import static dev.purser.engine.api.BodyField.refusedUnlessNull;
import static dev.purser.engine.api.JsonType.BOOLEAN;
import static dev.purser.engine.api.JsonType.COMMAND;
import static dev.purser.engine.api.JsonType.INTEGER;
import static dev.purser.engine.api.JsonType.INTEGERS;
import static dev.purser.engine.api.JsonType.MAP;
import static dev.purser.engine.api.JsonType.OBJECT;
import static dev.purser.engine.api.JsonType.OBJECTS;
import static dev.purser.engine.api.JsonType.STRING;
import static dev.purser.engine.api.JsonType.STRINGS;
import static dev.purser.engine.api.JsonType.STRING_MAP;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every field of the bodies of container create, exec create and container update, as the
 * Engine API defines them, each either applied by purser or refused when set: the one place
 * that knows (docs/decisions/0010). A field moves from refused to applied in the change that
 * makes purser apply it; {@code FieldTableIT} holds both lists against the API's definitions.
 */
final class RequestBodies {
    private RequestBodies() {}

    /** {@code no-new-privileges} in its three spellings, with or without a value. */
    private static final Set<String> APPLIED_LOG_OPTIONS = Set.of("max-size", "max-file");

    /** An endpoint's addresses asked for: IPv4 only ({@code --ip}). */
    static final BodySchema ENDPOINT_IPAM_CONFIG = BodySchema.of("IPAMConfig.", "EndpointIPAMConfig.",
            applied("IPv4Address", STRING),
            refused("IPv6Address", STRING),
            refused("LinkLocalIPs", STRINGS));

    static final BodySchema ENDPOINT_SETTINGS = BodySchema.of("", "EndpointSettings.",
            nested("IPAMConfig", ENDPOINT_IPAM_CONFIG),
            refused("Links", STRINGS),
            applied("Aliases", STRINGS),
            refused("NetworkID", STRING),
            refused("EndpointID", STRING),
            refused("Gateway", STRING),
            refused("IPAddress", STRING),
            refused("IPPrefixLen", INTEGER),
            refused("IPv6Gateway", STRING),
            refused("GlobalIPv6Address", STRING),
            refused("GlobalIPv6PrefixLen", INTEGER),
            refused("MacAddress", STRING),
            refused("DriverOpts", STRING_MAP),
            // after v1.41: docker 28 sends them (zero) with every create
            refused("GwPriority", INTEGER),
            refused("DNSNames", STRINGS));

    static final BodySchema NETWORKING_CONFIG = BodySchema.of("NetworkingConfig.", "ContainerConfigWrapper.NetworkingConfig.",
            applied("EndpointsConfig", MAP, RequestBodies::admitEndpoints));

    static final BodySchema LOG_CONFIG = BodySchema.of("HostConfig.LogConfig.", "ContainerConfigWrapper.HostConfig.LogConfig.",
            appliedValues("Type", "json-file"),
            applied("Config", STRING_MAP, (label, value) -> value.fieldNames().forEachRemaining(option -> {
                if (!APPLIED_LOG_OPTIONS.contains(option)) {
                    throw BodyField.unsupported(label + " " + option);
                }
            })));

    static final BodySchema BIND_OPTIONS = BodySchema.of("HostConfig.Mounts.BindOptions.", "ContainerConfigWrapper.HostConfig.Mounts.BindOptions.",
            applied("Propagation", STRING),
            refused("NonRecursive", BOOLEAN),
            // after v1.41
            applied("CreateMountpoint", BOOLEAN),
            refused("ReadOnlyNonRecursive", BOOLEAN),
            refused("ReadOnlyForceRecursive", BOOLEAN));

    static final BodySchema TMPFS_OPTIONS = BodySchema.of("HostConfig.Mounts.TmpfsOptions.", "ContainerConfigWrapper.HostConfig.Mounts.TmpfsOptions.",
            applied("SizeBytes", INTEGER),
            applied("Mode", INTEGER),
            // after v1.41: [["exec"]], [["noexec"]]
            applied("Options", OBJECTS));

    static final BodySchema VOLUME_OPTIONS = BodySchema.of("HostConfig.Mounts.VolumeOptions.", "ContainerConfigWrapper.HostConfig.Mounts.VolumeOptions.",
            applied("NoCopy", BOOLEAN),
            // labels of the volume the mount creates
            applied("Labels", STRING_MAP),
            // the local driver without options is what purser applies
            applied("DriverConfig", OBJECT, RequestBodies::admitDriverConfig),
            // after v1.41
            refused("Subpath", STRING));

    /** One entry of {@code HostConfig.Mounts}: binds, volumes and tmpfs are applied. */
    static final BodySchema MOUNT = BodySchema.of("HostConfig.Mounts.", "ContainerConfigWrapper.HostConfig.Mounts.",
            applied("Type", STRING, (label, value) -> {
                if (Set.of("image", "npipe", "cluster").contains(value.asText())) {
                    throw BodyField.unsupported("mounts of type " + value.asText());
                }
            }),
            applied("Source", STRING),
            applied("Target", STRING),
            applied("ReadOnly", BOOLEAN),
            // no effect on Linux, in Docker either
            applied("Consistency", STRING),
            nested("BindOptions", BIND_OPTIONS),
            nested("VolumeOptions", VOLUME_OPTIONS),
            nested("TmpfsOptions", TMPFS_OPTIONS),
            // after v1.41
            refused("ImageOptions", OBJECT),
            refused("ClusterOptions", OBJECT));

    /** Docker's {@code Resources}: HostConfig's limits, and the body of an update. */
    private static List<BodyField> resources(boolean update) {
        List<BodyField> r = new ArrayList<>(List.of(
                refused("CgroupParent", STRING),
                refused("BlkioWeight", INTEGER),
                refused("BlkioWeightDevice", OBJECTS),
                refused("BlkioDeviceReadBps", OBJECTS),
                refused("BlkioDeviceWriteBps", OBJECTS),
                refused("BlkioDeviceReadIOps", OBJECTS),
                refused("BlkioDeviceWriteIOps", OBJECTS),
                refused("CpuPeriod", INTEGER),
                refused("CpuQuota", INTEGER),
                refused("CpuRealtimePeriod", INTEGER),
                refused("CpuRealtimeRuntime", INTEGER),
                refused("CpusetCpus", STRING),
                refused("CpusetMems", STRING),
                refused("Devices", OBJECTS),
                refused("DeviceCgroupRules", STRINGS),
                refused("DeviceRequests", OBJECTS),
                refused("KernelMemory", INTEGER),
                refused("KernelMemoryTCP", INTEGER),
                refused("MemoryReservation", INTEGER),
                refusedUnlessNull("MemorySwappiness", INTEGER, -1),
                refused("OomKillDisable", BOOLEAN),
                refused("Init", BOOLEAN),
                refused("Ulimits", OBJECTS),
                refused("CpuCount", INTEGER),
                refused("CpuPercent", INTEGER),
                refused("IOMaximumIOps", INTEGER),
                refused("IOMaximumBandwidth", INTEGER)));
        if (update) {
            // a running container's limits are not changed yet
            r.add(refused("CpuShares", INTEGER));
            r.add(refused("Memory", INTEGER));
            r.add(refused("MemorySwap", INTEGER));
            r.add(refused("NanoCpus", INTEGER));
            r.add(refused("PidsLimit", INTEGER));
        } else {
            r.add(applied("CpuShares", INTEGER));
            r.add(applied("Memory", INTEGER));
            r.add(applied("MemorySwap", INTEGER));
            r.add(applied("NanoCpus", INTEGER));
            r.add(applied("PidsLimit", INTEGER));
        }
        return r;
    }

    static final BodySchema HOST_CONFIG = hostConfig();

    private static BodySchema hostConfig() {
        List<BodyField> f = resources(false);
        f.addAll(List.of(
                // host paths, named and anonymous volumes (mount.MountPlan reads them)
                applied("Binds", STRINGS),
                // the client writes the file; the daemon only records the name, as Docker's
                applied("ContainerIDFile", STRING),
                nested("LogConfig", LOG_CONFIG),
                applied("NetworkMode", STRING, (label, value) -> NetworkNames.admit(label, value.asText(""))),
                // published by the daemon's userland proxy (network.ports, docs/decisions/0032)
                applied("PortBindings", MAP),
                applied("RestartPolicy", OBJECT, RequestBodies::admitRestartPolicy),
                applied("AutoRemove", BOOLEAN),
                // purser's one driver, Docker's default
                refused("VolumeDriver", STRING, "local"),
                applied("VolumesFrom", STRINGS),
                applied("Mounts", OBJECTS, RequestBodies::admitMounts),
                applied("CapAdd", STRINGS),
                applied("CapDrop", STRINGS),
                // no cgroup namespace of its own: the host's, Docker's default on cgroup v1
                refused("CgroupnsMode", STRING, "host"),
                applied("Dns", STRINGS),
                applied("DnsOptions", STRINGS),
                applied("DnsSearch", STRINGS),
                applied("ExtraHosts", STRINGS),
                refused("GroupAdd", STRINGS),
                // an IPC namespace of its own: Docker's default
                refused("IpcMode", STRING, "private"),
                refused("Cgroup", STRING),
                applied("Links", STRINGS),
                refused("OomScoreAdj", INTEGER),
                refused("PidMode", STRING),
                applied("Privileged", BOOLEAN),
                applied("PublishAllPorts", BOOLEAN),
                applied("ReadonlyRootfs", BOOLEAN),
                applied("SecurityOpt", STRINGS, RequestBodies::admitSecurityOptions),
                refused("StorageOpt", STRING_MAP),
                applied("Tmpfs", STRING_MAP),
                refused("UTSMode", STRING),
                // no user namespace: the host's, Docker's default
                refused("UsernsMode", STRING, "host"),
                refused("ShmSize", INTEGER),
                refused("Sysctls", STRING_MAP),
                // purser is its own runtime, and behaves as Docker's default one
                refused("Runtime", STRING, "runc"),
                applied("ConsoleSize", INTEGERS),
                refused("Isolation", STRING, "default"),
                // an empty list means "none masked", not Docker's defaults
                refusedUnlessNull("MaskedPaths", STRINGS),
                refusedUnlessNull("ReadonlyPaths", STRINGS)));
        return BodySchema.of("HostConfig.", "ContainerConfigWrapper.HostConfig.", f.toArray(BodyField[]::new));
    }

    /** {@code POST /containers/create}: Docker's ContainerConfig with HostConfig and NetworkingConfig. */
    static final BodySchema CREATE = BodySchema.of("Config.", "ContainerConfigWrapper.",
            applied("Hostname", STRING),
            applied("Domainname", STRING),
            applied("User", STRING),
            // as in Docker's daemon, these record what the client attaches; the attach request decides
            applied("AttachStdin", BOOLEAN),
            applied("AttachStdout", BOOLEAN),
            applied("AttachStderr", BOOLEAN),
            applied("ExposedPorts", MAP),
            applied("Tty", BOOLEAN),
            applied("OpenStdin", BOOLEAN),
            applied("StdinOnce", BOOLEAN),
            applied("Env", STRINGS),
            applied("Cmd", COMMAND),
            new BodyField("Healthcheck", OBJECT, false, RequestBodies::admitHealthcheck, null),
            refused("ArgsEscaped", BOOLEAN),
            applied("Image", STRING),
            // anonymous volumes at these destinations
            applied("Volumes", MAP),
            applied("WorkingDir", STRING),
            applied("Entrypoint", COMMAND),
            refused("NetworkDisabled", BOOLEAN),
            refused("MacAddress", STRING),
            refused("OnBuild", STRINGS),
            applied("Labels", STRING_MAP),
            applied("StopSignal", STRING),
            applied("StopTimeout", INTEGER),
            refused("Shell", COMMAND),
            nested("HostConfig", HOST_CONFIG),
            nested("NetworkingConfig", NETWORKING_CONFIG));

    /** {@code POST /containers/{id}/exec}. */
    static final BodySchema EXEC = BodySchema.of("ExecConfig.", "ExecConfig.",
            applied("AttachStdin", BOOLEAN),
            applied("AttachStdout", BOOLEAN),
            applied("AttachStderr", BOOLEAN),
            applied("DetachKeys", STRING),
            applied("Tty", BOOLEAN),
            applied("Env", STRINGS),
            applied("Cmd", STRINGS),
            applied("Privileged", BOOLEAN),
            applied("User", STRING),
            applied("WorkingDir", STRING),
            // after v1.41
            applied("ConsoleSize", INTEGERS));

    /** {@code POST /containers/{id}/update}: nothing of a container is changed after its create yet. */
    static final BodySchema UPDATE = update();

    private static BodySchema update() {
        List<BodyField> f = resources(true);
        f.add(refused("RestartPolicy", OBJECT));
        return BodySchema.of("updating HostConfig.", "UpdateConfig.", f.toArray(BodyField[]::new));
    }

    /** SecurityOptions owns the rules (seccomp, no-new-privileges; the others are refused by name). */
    private static void admitSecurityOptions(String label, JsonNode options) {
        if (options == null || !options.isArray()) {
            return;
        }
        List<String> given = new ArrayList<>();
        options.forEach(o -> given.add(o.asText()));
        try {
            dev.purser.engine.container.SecurityOptions.parse(given);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(e.getMessage());
        }
    }

    /** Docker's restart policies, with Docker's messages for the others (a name nothing would act on). */
    private static void admitRestartPolicy(String label, JsonNode policy) {
        if (policy == null || !policy.isObject()) {
            return;
        }
        String name = policy.path("Name").asText("");
        long count = policy.path("MaximumRetryCount").asLong(0);
        switch (name) {
            case "", "no", "always", "unless-stopped" -> {
                if (count != 0) {
                    throw ApiException.badRequest("maximum retry count cannot be used with restart policy '" + name + "'");
                }
            }
            case "on-failure" -> {
                if (count < 0) {
                    throw ApiException.badRequest("maximum retry count cannot be negative");
                }
            }
            default -> throw ApiException.badRequest("invalid restart policy '" + name + "'");
        }
    }

    /** No health checks run; {@code --no-healthcheck} ({@code Test: ["NONE"]}) asks for exactly that. */
    private static void admitHealthcheck(String label, JsonNode value) {
        if (BodyField.isZero(OBJECT, value)) {
            return;
        }
        JsonNode test = value.get("Test");
        boolean none = test != null && test.isArray() && test.size() == 1 && test.get(0).asText().equals("NONE");
        int others = 0;
        for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!e.getKey().equals("Test") && !BodyField.isZero(OBJECT, e.getValue())) {
                others++;
            }
        }
        if (!none || others > 0) {
            throw BodyField.unsupported(label);
        }
    }

    /** {@code VolumeOptions.DriverConfig}: only the local driver, without options. */
    private static void admitDriverConfig(String label, JsonNode config) {
        if (config == null || !config.isObject()) {
            return;
        }
        String name = config.path("Name").asText("");
        if (!name.isEmpty() && !name.equals("local")) {
            throw BodyField.unsupported("the volume driver \"" + name + "\" (" + label + ".Name)");
        }
        JsonNode options = config.get("Options");
        if (options != null && options.isObject() && options.size() > 0) {
            List<String> names = new ArrayList<>();
            options.fieldNames().forEachRemaining(names::add);
            throw BodyField.unsupported("volume driver options (" + label + ".Options: " + String.join(", ", names) + ")");
        }
    }

    /** Each entry read as a {@link #MOUNT}: its types checked, fields purser does not apply refused. */
    private static void admitMounts(String label, JsonNode mounts) {
        if (mounts == null || !mounts.isArray()) {
            return;
        }
        for (JsonNode m : mounts) {
            if (m.isNull()) {
                throw ApiException.badRequest("invalid mount config: " + label + " holds null");
            }
            MOUNT.read(m);
        }
    }

    private static void admitEndpoints(String label, JsonNode endpoints) {
        if (endpoints == null || endpoints.isNull()) {
            return;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = endpoints.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            NetworkNames.admit(label, e.getKey());
            ENDPOINT_SETTINGS.withLabel(label + "." + e.getKey() + ".", "ContainerConfigWrapper.NetworkingConfig.EndpointsConfig.")
                    .read(e.getValue());
        }
    }
}
