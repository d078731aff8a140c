package dev.purser.engine.network.ports;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What a container asks of the host's ports: {@code HostConfig.PortBindings}, {@code
 * PublishAllPorts} and {@code Config.ExposedPorts} (the image's merged in). A port with
 * bindings is published on each; with {@code PublishAllPorts}, every exposed port without
 * bindings is published on a free port of every address; the others are only exposed.
 */
public record PortRequest(Map<ContainerPort, List<PortBinding>> bindings, TreeSet<ContainerPort> exposed) {

    /**
     * Reads the request's fields; an IllegalArgumentException with the daemon's words when a key,
     * host port or host address is not one (the API answers 400, before anything is created).
     */
    public static PortRequest of(Map<String, List<PortBinding>> portBindings, boolean publishAll,
                                 Map<String, ?> exposedPorts) {
        TreeSet<ContainerPort> exposed = new TreeSet<>();
        if (exposedPorts != null) {
            exposedPorts.keySet().forEach(k -> exposed.add(ContainerPort.parse(k)));
        }
        Map<ContainerPort, List<PortBinding>> out = new TreeMap<>();
        if (portBindings != null) {
            for (Map.Entry<String, List<PortBinding>> e : portBindings.entrySet()) {
                ContainerPort port = ContainerPort.parse(e.getKey());
                List<PortBinding> list = e.getValue() == null ? List.of() : e.getValue();
                for (PortBinding b : list) {
                    hostPorts(b.hostPort());
                    HostAddress.parse(b.hostIp(), true);
                }
                out.put(port, List.copyOf(list));
            }
        }
        if (publishAll) {
            for (ContainerPort port : exposed) {
                List<PortBinding> given = out.get(port);
                if (given == null || given.isEmpty()) {
                    out.put(port, List.of(new PortBinding("", "")));
                }
            }
        }
        for (ContainerPort port : out.keySet()) {
            if (port.protocol().equals("sctp")) {
                throw new IllegalArgumentException("purser does not support publishing sctp ports yet (" + port + ")");
            }
        }
        return new PortRequest(java.util.Collections.unmodifiableMap(out), exposed);
    }

    /**
     * Docker's refusals for a container that joins another's network namespace: it has no
     * ports of its own to publish or expose.
     */
    public static void refuseConflicts(String networkMode, Map<String, ?> portBindings, boolean publishAll,
                                       Map<String, ?> exposedPorts) {
        if (!networkMode.startsWith("container:")) {
            return;
        }
        if ((portBindings != null && !portBindings.isEmpty()) || publishAll) {
            throw new IllegalArgumentException("conflicting options: port publishing and the container type network mode");
        }
        if (exposedPorts != null && !exposedPorts.isEmpty()) {
            throw new IllegalArgumentException("conflicting options: port exposing and the container type network mode");
        }
    }

    /** The create's warnings, Docker's: bindings of a container on the host's network are discarded. */
    public static List<String> warnings(String networkMode, Map<String, ?> portBindings) {
        if (networkMode.equals("host") && portBindings != null && !portBindings.isEmpty()) {
            return List.of("Published ports are discarded when using host network mode");
        }
        return List.of();
    }

    /** A {@code HostPort}: null for any free port ("" or "0"), else the number or range asked for. */
    static PortRange hostPorts(String hostPort) {
        if (hostPort.isEmpty() || hostPort.equals("0")) {
            return null;
        }
        try {
            return PortRange.parse(hostPort);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("invalid port specification: \"" + hostPort + "\"");
        }
    }

    public boolean publishesAny() {
        return bindings.values().stream().anyMatch(l -> !l.isEmpty());
    }

    /** Every port the container shows: the exposed and the published, in order. */
    public List<ContainerPort> ports() {
        TreeSet<ContainerPort> all = new TreeSet<>(exposed);
        all.addAll(bindings.keySet());
        return new ArrayList<>(all);
    }
}
