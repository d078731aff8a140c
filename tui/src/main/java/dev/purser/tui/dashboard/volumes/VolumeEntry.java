package dev.purser.tui.dashboard.volumes;

import com.fasterxml.jackson.databind.JsonNode;
import dev.purser.tui.dashboard.containers.ContainerEntry;
import dev.purser.tui.view.VolumeRow;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** One volume as the Volumes view lists it: its name, driver, mount point and the containers whose mounts name it. */
public record VolumeEntry(String name, String driver, String mountpoint, List<String> users) {
    public VolumeEntry {
        users = List.copyOf(users);
    }

    /** The entries for {@code volumes} (the API's objects), in {@code volume ls}'s order, each with its users among {@code containers}. */
    public static List<VolumeEntry> of(List<JsonNode> volumes, Collection<ContainerEntry> containers) {
        Map<String, List<String>> users = new HashMap<>();
        for (ContainerEntry c : containers) {
            for (JsonNode m : c.summary().path("Mounts")) {
                if (m.path("Type").asText().equals("volume") && !m.path("Name").asText().isEmpty()) {
                    List<String> names = users.computeIfAbsent(m.path("Name").asText(), k -> new ArrayList<>());
                    if (!names.contains(c.name())) names.add(c.name());
                }
            }
        }
        List<VolumeEntry> out = new ArrayList<>();
        for (JsonNode v : volumes) {
            String name = v.path("Name").asText();
            List<String> by = new ArrayList<>(users.getOrDefault(name, List.of()));
            by.sort(null);
            out.add(new VolumeEntry(name, v.path("Driver").asText(), v.path("Mountpoint").asText(), by));
        }
        out.sort(Comparator.comparing(VolumeEntry::name, VolumeRow::naturalCompare));
        return out;
    }

    public boolean inUse() {
        return !users.isEmpty();
    }
}
