package dev.purser.engine.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.purser.engine.runtime.ContainerLaunch;
import java.util.Iterator;
import java.util.Map;

/**
 * The fields of Docker's container inspect (v1.41 schema) that a container's record does not
 * hold, with the values dockerd sends for a container that does not use them. Purser refuses
 * at create every non-default value of a field it does not apply, so these defaults are what
 * the container really has. Where dockerd omits a field while it is unset ({@code omitempty}),
 * it is sent as Go's zero value, null for pointers, slices and maps: Go clients read that as the
 * omission, and clients in other languages find every key (docs/decisions/0014).
 */
final class InspectDefaults {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private InspectDefaults() {}

    /** Adds what {@code inspect} lacks; what is there already stays. */
    static void fill(ObjectNode inspect) {
        ObjectNode host = object(inspect, "HostConfig");
        boolean privileged = host.path("Privileged").asBoolean(false);
        fillHostConfig(host, privileged);
        fillConfig(object(inspect, "Config"));
        object(inspect, "State").putIfAbsent("Health", F.nullNode());
    }

    private static void fillHostConfig(ObjectNode h, boolean privileged) {
        JsonNode log = h.get("LogConfig");
        if (log instanceof ObjectNode l && l.path("Type").asText("").isEmpty()) {
            l.put("Type", "json-file");   // dockerd fills the daemon's driver in at create
        }
        defaults(h, Map.ofEntries(
                Map.entry("Binds", F.nullNode()),
                Map.entry("ContainerIDFile", F.textNode("")),
                Map.entry("PortBindings", F.objectNode()),
                Map.entry("VolumeDriver", F.textNode("")),
                Map.entry("VolumesFrom", F.nullNode()),
                Map.entry("Mounts", F.nullNode()),
                // no cgroup namespace is made: the container sees the host's cgroup paths
                Map.entry("CgroupnsMode", F.textNode("host")),
                Map.entry("Dns", F.arrayNode()),
                Map.entry("DnsOptions", F.arrayNode()),
                Map.entry("DnsSearch", F.arrayNode()),
                Map.entry("ExtraHosts", F.nullNode()),
                Map.entry("GroupAdd", F.nullNode()),
                Map.entry("IpcMode", F.textNode("private")),
                Map.entry("Cgroup", F.textNode("")),
                Map.entry("Links", F.nullNode()),
                Map.entry("OomScoreAdj", F.numberNode(0)),
                Map.entry("PidMode", F.textNode("")),
                Map.entry("PublishAllPorts", F.booleanNode(false)),
                Map.entry("StorageOpt", F.nullNode()),
                Map.entry("Tmpfs", F.nullNode()),
                Map.entry("UTSMode", F.textNode("")),
                Map.entry("UsernsMode", F.textNode("")),
                // the stage mounts /dev/shm with size=65536k, Docker's default
                Map.entry("ShmSize", F.numberNode(64L * 1024 * 1024)),
                Map.entry("Sysctls", F.nullNode()),
                Map.entry("Runtime", F.textNode("purser")),
                Map.entry("Isolation", F.textNode("")),
                Map.entry("CgroupParent", F.textNode("")),
                Map.entry("BlkioWeight", F.numberNode(0)),
                Map.entry("BlkioWeightDevice", F.nullNode()),
                Map.entry("BlkioDeviceReadBps", F.nullNode()),
                Map.entry("BlkioDeviceWriteBps", F.nullNode()),
                Map.entry("BlkioDeviceReadIOps", F.nullNode()),
                Map.entry("BlkioDeviceWriteIOps", F.nullNode()),
                Map.entry("CpuPeriod", F.numberNode(0)),
                Map.entry("CpuQuota", F.numberNode(0)),
                Map.entry("CpuRealtimePeriod", F.numberNode(0)),
                Map.entry("CpuRealtimeRuntime", F.numberNode(0)),
                Map.entry("CpusetCpus", F.textNode("")),
                Map.entry("CpusetMems", F.textNode("")),
                Map.entry("Devices", F.nullNode()),
                Map.entry("DeviceCgroupRules", F.nullNode()),
                Map.entry("DeviceRequests", F.nullNode()),
                Map.entry("KernelMemory", F.numberNode(0)),
                Map.entry("KernelMemoryTCP", F.numberNode(0)),
                Map.entry("MemoryReservation", F.numberNode(0)),
                Map.entry("MemorySwappiness", F.nullNode()),
                Map.entry("OomKillDisable", F.booleanNode(false)),
                Map.entry("Init", F.nullNode()),
                Map.entry("Ulimits", F.nullNode()),
                Map.entry("CpuCount", F.numberNode(0)),
                Map.entry("CpuPercent", F.numberNode(0)),
                Map.entry("IOMaximumIOps", F.numberNode(0)),
                Map.entry("IOMaximumBandwidth", F.numberNode(0)),
                // Docker shows the paths it masks and makes read-only; none for a privileged container
                Map.entry("MaskedPaths", privileged ? F.nullNode() : strings(ContainerLaunch.DOCKER_MASKED_PATHS)),
                Map.entry("ReadonlyPaths", privileged ? F.nullNode() : strings(ContainerLaunch.DOCKER_READONLY_PATHS))));
    }

    private static void fillConfig(ObjectNode c) {
        defaults(c, Map.of(
                "ExposedPorts", F.nullNode(),
                "Healthcheck", F.nullNode(),
                "ArgsEscaped", F.booleanNode(false),
                "NetworkDisabled", F.booleanNode(false),
                "MacAddress", F.textNode(""),
                "OnBuild", F.nullNode(),
                "Shell", F.nullNode()));
    }

    /** Docker's NetworkSettings for a container on the loopback-only default network: no address is made up. */
    static ObjectNode networkSettings() {
        ObjectNode net = F.objectNode();
        net.put("Bridge", "");
        net.put("SandboxID", "");
        net.put("HairpinMode", false);
        net.put("LinkLocalIPv6Address", "");
        net.put("LinkLocalIPv6PrefixLen", 0);
        net.putObject("Ports");
        net.put("SandboxKey", "");
        net.putNull("SecondaryIPAddresses");
        net.putNull("SecondaryIPv6Addresses");
        net.put("EndpointID", "");
        net.put("Gateway", "");
        net.put("GlobalIPv6Address", "");
        net.put("GlobalIPv6PrefixLen", 0);
        net.put("IPAddress", "");
        net.put("IPPrefixLen", 0);
        net.put("IPv6Gateway", "");
        net.put("MacAddress", "");
        net.putObject("Networks");
        return net;
    }

    private static ObjectNode object(ObjectNode parent, String field) {
        JsonNode n = parent.get(field);
        if (n instanceof ObjectNode o) {
            return o;
        }
        return parent.putObject(field);
    }

    private static void defaults(ObjectNode target, Map<String, JsonNode> values) {
        // sorted, so the added keys come in one stable order after the record's own
        new java.util.TreeMap<>(values).forEach(target::putIfAbsent);
    }

    private static ArrayNode strings(Iterable<String> values) {
        ArrayNode a = F.arrayNode();
        for (Iterator<String> it = values.iterator(); it.hasNext(); ) {
            a.add(it.next());
        }
        return a;
    }
}
