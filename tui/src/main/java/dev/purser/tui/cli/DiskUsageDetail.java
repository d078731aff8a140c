package dev.purser.tui.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.purser.tui.format.HumanSize;
import dev.purser.tui.format.TableFormat;
import dev.purser.tui.format.Template;
import dev.purser.tui.view.ContainerRow;
import dev.purser.tui.view.ImageRow;
import dev.purser.tui.view.VolumeRow;
import java.time.Instant;
import java.util.List;

/**
 * {@code system df -v}: docker's four sections (images, containers, local volumes, build cache),
 * each a table of its objects; a custom {@code --format} is applied once to an object holding
 * the four lists ({@code {{range .Volumes}}...{{end}}}), as docker does.
 */
final class DiskUsageDetail {
    static final String IMAGES = "table {{.Repository}}\t{{.Tag}}\t{{.ID}}\t{{.CreatedSince}}\t{{.Size}}\t{{.SharedSize}}\t{{.UniqueSize}}\t{{.Containers}}";
    static final String CONTAINERS = "table {{.ID}}\t{{.Image}}\t{{.Command}}\t{{.LocalVolumes}}\t{{.Size}}\t{{.RunningFor}}\t{{.Status}}\t{{.Names}}";
    static final String VOLUMES = "table {{.Name}}\t{{.Links}}\t{{.Size}}";
    static final String BUILD_CACHE = "table {{.ID}}\t{{.CacheType}}\t{{.Size}}\t{{.CreatedSince}}\t{{.LastUsedSince}}\t{{.UsageCount}}\t{{.Shared}}";
    static final ObjectNode BUILD_CACHE_HEADER = ContainerRow.NODES.objectNode().put("ID", "CACHE ID").put("CacheType", "CACHE TYPE")
            .put("Size", "SIZE").put("CreatedSince", "CREATED").put("LastUsedSince", "LAST USED").put("UsageCount", "USAGE")
            .put("Shared", "SHARED");

    private final ArrayNode images = ContainerRow.NODES.arrayNode();
    private final ArrayNode containers = ContainerRow.NODES.arrayNode();
    private final ArrayNode volumes = ContainerRow.NODES.arrayNode();
    private final long buildCacheSize;

    DiskUsageDetail(JsonNode df, Instant now) {
        for (JsonNode image : df.path("Images")) {
            // docker shows an image once, by its first tag
            List<ObjectNode> rows = ImageRow.of(image, true, now);
            if (!rows.isEmpty()) images.add(rows.get(0));
        }
        for (JsonNode c : df.path("Containers")) {
            // the virtual size is not shown here
            ObjectNode copy = c.deepCopy();
            copy.put("SizeRootFs", 0);
            containers.add(ContainerRow.of(copy, true, now));
        }
        for (JsonNode v : df.path("Volumes")) volumes.add(VolumeRow.of(v));
        long cache = 0;
        for (JsonNode b : df.path("BuildCache")) cache += b.path("Size").asLong();
        buildCacheSize = cache;
    }

    String render(String format) {
        if (!format.isEmpty() && !format.equals("table")) {
            ObjectNode all = ContainerRow.NODES.objectNode();
            all.set("Images", images);
            all.set("Containers", containers);
            all.set("Volumes", volumes);
            all.set("BuildCache", ContainerRow.NODES.arrayNode());
            // docker writes what the template makes, without a newline of its own
            return Template.parse(TableFormat.templateText(format)).execute(all);
        }
        StringBuilder out = new StringBuilder("Images space usage:\n\n");
        out.append(new TableFormat(IMAGES, ImageRow.HEADER).render(list(images)));
        out.append("\nContainers space usage:\n\n");
        out.append(new TableFormat(CONTAINERS, ContainerRow.HEADER).render(list(containers)));
        out.append("\nLocal Volumes space usage:\n\n");
        out.append(new TableFormat(VOLUMES, VolumeRow.HEADER).render(list(volumes)));
        out.append("\nBuild cache usage: ").append(HumanSize.withPrecision(buildCacheSize, 4)).append("\n\n");
        out.append(new TableFormat(BUILD_CACHE, BUILD_CACHE_HEADER).render(List.of()));
        return out.toString();
    }

    private static List<JsonNode> list(ArrayNode rows) {
        List<JsonNode> out = new java.util.ArrayList<>();
        rows.forEach(out::add);
        return out;
    }
}
