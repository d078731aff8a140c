package dev.purser.engine.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.purser.engine.container.Container;
import dev.purser.engine.container.ContainerState;
import dev.purser.engine.container.DockerJson;
import dev.purser.engine.mount.MountPoint;
import dev.purser.engine.network.Networks;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import dev.purser.engine.network.ports.ContainerPort;
import dev.purser.engine.network.ports.PublishedPort;

/** A container as {@code GET /containers/json} (summary) and {@code GET /containers/{id}/json} (inspect) show it. */
final class ContainerViews {
    private static final ObjectMapper JSON = DockerJson.mapper();

    private ContainerViews() {}

    /** The summary with its published ports and its networks (Docker's NetworkSettings.Networks). */
    static ObjectNode summary(Container c, Map<String, List<PublishedPort>> ports, Networks networks) {
        ObjectNode n = summary(c, ports);
        n.putObject("NetworkSettings").set("Networks", NetworkSettingsView.of(c, networks).get("Networks"));
        return n;
    }

    static ObjectNode summary(Container c, Map<String, List<PublishedPort>> ports) {
        ObjectNode n = JSON.createObjectNode();
        n.put("Id", c.id());
        n.putArray("Names").add(c.name());
        n.put("Image", c.config().image());
        n.put("ImageID", c.image());
        StringBuilder command = new StringBuilder(c.path());
        c.args().forEach(a -> command.append(' ').append(a));
        n.put("Command", command.toString());
        n.put("Created", Instant.parse(c.created()).getEpochSecond());
        n.set("Ports", summaryPorts(ports));
        n.set("Labels", JSON.valueToTree(c.config().labels()));
        n.put("State", c.state().status());
        n.put("Status", status(c.state(), Instant.now()));
        n.putObject("HostConfig").put("NetworkMode", c.hostConfig().networkMode());
        n.putObject("NetworkSettings").putObject("Networks");
        n.set("Mounts", mounts(c));
        return n;
    }

    /**
     * Docker's {@code Ports} of the list: one entry per host address a port is published on
     * ({@code IP}, {@code PublicPort}), one without them for a port only exposed.
     */
    static ArrayNode summaryPorts(Map<String, List<PublishedPort>> ports) {
        ArrayNode out = JSON.createArrayNode();
        ports.forEach((key, published) -> {
            ContainerPort port = ContainerPort.parse(key);
            if (published.isEmpty()) {
                out.addObject().put("PrivatePort", port.number()).put("Type", port.protocol());
            }
            for (PublishedPort p : published) {
                out.addObject().put("IP", p.hostIp()).put("PrivatePort", port.number()).put("PublicPort", p.hostPort())
                        .put("Type", port.protocol());
            }
        });
        return out;
    }

    /** Docker's {@code NetworkSettings.Ports}: each port's bindings, null for one only exposed. */
    static ObjectNode networkPorts(Map<String, List<PublishedPort>> ports) {
        ObjectNode out = JSON.createObjectNode();
        ports.forEach((key, published) -> {
            if (published.isEmpty()) {
                out.putNull(key);
            } else {
                ArrayNode list = out.putArray(key);
                published.forEach(p -> list.add(JSON.valueToTree(p.binding())));
            }
        });
        return out;
    }

        /** Docker's MountPoint list: binds, volumes and {@code --mount} tmpfs (not {@code HostConfig.Tmpfs}, as Docker). */
    static ArrayNode mounts(Container c) {
        ArrayNode out = JSON.createArrayNode();
        for (MountPoint m : c.ownMounts()) {
            if (m.inspected()) {
                out.add(JSON.valueToTree(m.dockerView()));
            }
        }
        return out;
    }

    /** Docker's STATUS column: "Up 5 seconds", "Up 2 minutes (Paused)", "Exited (0) 3 seconds ago", "Created". */
    static String status(ContainerState s, Instant now) {
        switch (s.status()) {
            case "running":
            case "paused":
                return "Up " + HumanDuration.of(since(s.startedAt(), now)) + (s.paused() ? " (Paused)" : "");
            case "restarting":
                return "Restarting (" + s.exitCode() + ") " + HumanDuration.of(since(s.finishedAt(), now)) + " ago";
            case "exited":
                return "Exited (" + s.exitCode() + ") " + HumanDuration.of(since(s.finishedAt(), now)) + " ago";
            case "dead":
                return "Dead";
            case "removing":
                return "Removal In Progress";
            default:
                return "Created";
        }
    }

    private static Duration since(String time, Instant now) {
        try {
            Duration d = Duration.between(Instant.parse(time), now);
            return d.isNegative() ? Duration.ZERO : d;
        } catch (RuntimeException e) {
            return Duration.ZERO;
        }
    }

    static ObjectNode inspect(Container c, Map<String, List<PublishedPort>> ports, Networks networks) {
        return inspect(c, ports, networks, Exchange.API_VERSION);
    }

    static ObjectNode inspect(Container c, Map<String, List<PublishedPort>> ports, Networks networks, String apiVersion) {
        ObjectNode n = JSON.valueToTree(c);
        n.remove("HasBeenManuallyStopped");
        n.remove("MountPoints");
        n.remove("Endpoints");   // shown as NetworkSettings.Networks
        n.put("MountLabel", "");
        n.put("ProcessLabel", "");
        n.put("AppArmorProfile", "");
        n.putNull("ExecIDs");
        Path dir = Path.of(c.hostnamePath()).getParent();
        ObjectNode driver = n.putObject("GraphDriver");
        ObjectNode data = driver.putObject("Data");
        data.put("MergedDir", dir.resolve("merged").toString());
        data.put("UpperDir", dir.resolve("upper").toString());
        data.put("WorkDir", dir.resolve("work").toString());
        driver.put("Name", "overlay2");
        n.set("Mounts", mounts(c));
        ObjectNode network = NetworkSettingsView.of(c, networks, apiVersion);
        network.set("Ports", networkPorts(ports));
        n.set("NetworkSettings", network);
        InspectDefaults.fill(n);
        return n;
    }
}
