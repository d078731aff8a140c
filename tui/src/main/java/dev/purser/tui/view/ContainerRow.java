package dev.purser.tui.view;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.purser.tui.format.HumanDuration;
import dev.purser.tui.format.HumanSize;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@code ps} row as docker's formatter presents a container: fields named like its methods
 * (.ID, .Image, .Command, .RunningFor, ...) computed from the API's container summary.
 */
public final class ContainerRow {
    /** Makes the rows' nodes (an ObjectMapper is not needed for that and costs a short command to create). */
    public static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    public static final ObjectNode HEADER = NODES.objectNode()
            .put("ID", "CONTAINER ID").put("Names", "NAMES").put("Image", "IMAGE").put("Command", "COMMAND")
            .put("CreatedAt", "CREATED AT").put("RunningFor", "CREATED").put("Ports", "PORTS").put("State", "STATE")
            .put("Status", "STATUS").put("Size", "SIZE").put("Labels", "LABELS").put("Mounts", "MOUNTS")
            .put("LocalVolumes", "LOCAL VOLUMES").put("Networks", "NETWORKS");

    private ContainerRow() {}

    public static ObjectNode of(JsonNode c, boolean trunc, Instant now) {
        return of(c, trunc, now, true);
    }

    /**
     * The row; without {@code createdAt} the row has no .CreatedAt, for the formats that do not
     * show it: the local zone and its names cost a short command ~10 ms to load.
     */
    public static ObjectNode of(JsonNode c, boolean trunc, Instant now, boolean createdAt) {
        ObjectNode row = NODES.objectNode();
        String id = c.path("Id").asText();
        row.put("Command", quote(trunc ? ellipsis(c.path("Command").asText(), 20) : c.path("Command").asText()));
        long created = c.path("Created").asLong();
        if (createdAt) row.put("CreatedAt", goTime(created));
        row.put("ID", trunc ? shortId(id) : id);
        row.put("Image", c.path("Image").asText().isEmpty() ? "<no image>" : c.path("Image").asText());
        List<String> labels = new ArrayList<>();
        c.path("Labels").fields().forEachRemaining(e -> labels.add(e.getKey() + "=" + e.getValue().asText()));
        labels.sort(null);
        row.put("Labels", String.join(",", labels));
        long localVolumes = 0;
        List<String> mounts = new ArrayList<>();
        for (JsonNode m : c.path("Mounts")) {
            String name = m.path("Name").asText().isEmpty() ? m.path("Source").asText() : m.path("Name").asText();
            mounts.add(trunc ? ellipsis(name, 15) : name);
            if ("local".equals(m.path("Driver").asText())) localVolumes++;
        }
        row.put("LocalVolumes", String.valueOf(localVolumes));
        row.put("Mounts", String.join(",", mounts));
        row.put("Names", names(c.path("Names"), trunc));
        List<String> networks = new ArrayList<>();
        c.path("NetworkSettings").path("Networks").fieldNames().forEachRemaining(networks::add);
        row.put("Networks", String.join(",", networks));
        row.put("Ports", PortText.column(c.path("Ports")));
        row.put("RunningFor", HumanDuration.ago(Duration.between(Instant.ofEpochSecond(created), now)));
        row.put("Size", size(c));
        row.put("State", c.path("State").asText());
        row.put("Status", c.path("Status").asText());
        return row;
    }

    public static String shortId(String id) {
        String bare = id.contains(":") ? id.substring(id.indexOf(':') + 1) : id;
        return bare.length() > 12 ? bare.substring(0, 12) : bare;
    }

    /** Go's time.Time.String() for a Unix time in the local zone, e.g. "2024-05-01 10:00:00 +0200 CEST". */
    public static String goTime(long epochSeconds) {
        return GoTime.FORMAT.format(Instant.ofEpochSecond(epochSeconds).atZone(ZoneId.systemDefault()));
    }

    /** Made at the first time formatted, not with the class. */
    private static final class GoTime {
        static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss Z z");
    }

    /** docker's Ellipsis: cut to n characters, the last one becoming "…". */
    public static String ellipsis(String s, int n) {
        if (s.codePointCount(0, s.length()) <= n) return s;
        int end = s.offsetByCodePoints(0, n - 1);
        return s.substring(0, end) + "…";
    }

    /** Go's strconv.Quote for the usual cases: quotes, backslashes and control characters escaped. */
    public static String quote(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char ch : s.toCharArray()) {
            switch (ch) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\t' -> b.append("\\t");
                case '\r' -> b.append("\\r");
                default -> {
                    if (ch < 0x20) b.append(String.format("\\x%02x", (int) ch));
                    else b.append(ch);
                }
            }
        }
        return b.append('"').toString();
    }

    private static String names(JsonNode names, boolean trunc) {
        List<String> out = new ArrayList<>();
        for (JsonNode n : names) {
            String name = n.asText().startsWith("/") ? n.asText().substring(1) : n.asText();
            if (trunc) {
                if (!name.contains("/")) return name;
                continue;
            }
            out.add(name);
        }
        return String.join(",", out);
    }

    private static String size(JsonNode c) {
        String rw = HumanSize.of(c.path("SizeRw").asLong());
        long root = c.path("SizeRootFs").asLong();
        return root > 0 ? rw + " (virtual " + HumanSize.of(root) + ")" : rw;
    }
}
