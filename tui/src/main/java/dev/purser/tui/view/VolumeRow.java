package dev.purser.tui.view;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.purser.tui.format.HumanSize;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code volume ls} rows as docker's volume formatter names them (Name, Driver, Scope,
 * Mountpoint, Labels, Links, Size, and the cluster fields as "N/A": purser has no swarm).
 * Links and Size come from the volume's UsageData, which only {@code system df} fills.
 */
public final class VolumeRow {
    public static final ObjectNode HEADER = ContainerRow.NODES.objectNode()
            .put("ID", "ID").put("Name", "VOLUME NAME").put("Group", "GROUP").put("Driver", "DRIVER").put("Scope", "SCOPE")
            .put("Availability", "AVAILABILITY").put("Mountpoint", "MOUNTPOINT").put("Labels", "LABELS")
            .put("Links", "LINKS").put("Size", "SIZE").put("Status", "STATUS");

    private VolumeRow() {}

    public static ObjectNode of(JsonNode volume) {
        List<String> labels = new ArrayList<>();
        volume.path("Labels").fields().forEachRemaining(e -> labels.add(e.getKey() + "=" + e.getValue().asText()));
        labels.sort(null);
        JsonNode usage = volume.path("UsageData");
        boolean hasUsage = usage.isObject();
        return ContainerRow.NODES.objectNode()
                .put("Availability", "N/A")
                .put("Driver", volume.path("Driver").asText())
                .put("Group", "N/A")
                .put("Labels", String.join(",", labels))
                .put("Links", hasUsage ? String.valueOf(usage.path("RefCount").asLong()) : "N/A")
                .put("Mountpoint", volume.path("Mountpoint").asText())
                .put("Name", volume.path("Name").asText())
                .put("Scope", volume.path("Scope").asText())
                .put("Size", hasUsage ? HumanSize.withPrecision(usage.path("Size").asLong(), 4) : "N/A")
                .put("Status", "N/A");
    }

    /**
     * Docker's order for {@code volume ls}: natural order of the names (fvbommel/sortorder), so
     * "vol2" comes before "vol10".
     */
    public static int naturalCompare(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            char ca = a.charAt(i);
            char cb = b.charAt(j);
            boolean da = ca >= '0' && ca <= '9';
            boolean db = cb >= '0' && cb <= '9';
            if (da != db) return da ? -1 : 1; // digits before other characters
            if (da) {
                int si = i;
                int sj = j;
                while (si < a.length() && a.charAt(si) == '0') si++;
                while (sj < b.length() && b.charAt(sj) == '0') sj++;
                int ei = si;
                int ej = sj;
                while (ei < a.length() && a.charAt(ei) >= '0' && a.charAt(ei) <= '9') ei++;
                while (ej < b.length() && b.charAt(ej) >= '0' && b.charAt(ej) <= '9') ej++;
                if (ei - si != ej - sj) return (ei - si) - (ej - sj);
                int c = a.substring(si, ei).compareTo(b.substring(sj, ej));
                if (c != 0) return c;
                // equal values: fewer leading zeros first, as sortorder does
                if (si != sj) return si - sj;
                i = ei;
                j = ej;
            } else {
                if (ca != cb) return ca - cb;
                i++;
                j++;
            }
        }
        return a.length() - b.length();
    }
}
