package dev.purser.tui.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.purser.tui.format.HumanSize;
import dev.purser.tui.format.TableFormat;
import dev.purser.tui.format.TemplateException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code system df}: docker's summary of disk usage (TYPE TOTAL ACTIVE SIZE RECLAIMABLE), or with -v each object's. */
@Command(name = "df", description = "Show docker disk usage")
final class SystemDfCommand extends BaseCommand {
    static final String DEFAULT_FORMAT = "table {{.Type}}\t{{.TotalCount}}\t{{.Active}}\t{{.Size}}\t{{.Reclaimable}}";
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    static final ObjectNode HEADER = F.objectNode().put("Type", "TYPE").put("TotalCount", "TOTAL").put("Active", "ACTIVE")
            .put("Size", "SIZE").put("Reclaimable", "RECLAIMABLE");

    @Option(names = {"-v", "--verbose"}) boolean verbose;
    @Option(names = "--format") String format = "";

    String usage() { return "df [OPTIONS]"; }

    public Integer call() {
        JsonNode df = session.client().system().diskUsage();
        try {
            session.out.print(verbose ? new DiskUsageDetail(df, Instant.now()).render(format) : summary(df, format));
        } catch (TemplateException e) {
            throw new CliError("template parsing error: " + e.getMessage(), 1);
        }
        return 0;
    }

    static String summary(JsonNode df, String format) {
        List<ObjectNode> rows = new ArrayList<>();
        rows.add(images(df));
        rows.add(containers(df));
        rows.add(volumes(df));
        rows.add(row("Build Cache", df.path("BuildCache").size(), 0, 0, 0));
        String fmt = format.isEmpty() || format.equals("table") ? DEFAULT_FORMAT : format;
        return new TableFormat(fmt, HEADER).render(rows);
    }

    /** docker's local volumes: active when a container refers to it, reclaimable when none does; a size of -1 is unknown. */
    private static ObjectNode volumes(JsonNode df) {
        long size = 0;
        long reclaimable = 0;
        int active = 0;
        for (JsonNode v : df.path("Volumes")) {
            JsonNode usage = v.path("UsageData");
            long refs = usage.path("RefCount").asLong();
            long bytes = usage.path("Size").asLong(-1);
            if (refs > 0) active++;
            if (bytes != -1) {
                size += bytes;
                if (refs == 0) reclaimable += bytes;
            }
        }
        return row("Local Volumes", df.path("Volumes").size(), active, size, reclaimable);
    }

    /** docker's reclaimable images: all layers but what images in use hold on their own. */
    private static ObjectNode images(JsonNode df) {
        long total = df.path("LayersSize").asLong();
        long used = 0;
        int active = 0;
        for (JsonNode image : df.path("Images")) {
            if (image.path("Containers").asLong() > 0) {
                active++;
                if (image.path("Size").asLong() != -1 && image.path("SharedSize").asLong() != -1) {
                    used += image.path("Size").asLong() - image.path("SharedSize").asLong();
                }
            }
        }
        return row("Images", df.path("Images").size(), active, total, total - used);
    }

    private static ObjectNode containers(JsonNode df) {
        long size = 0;
        long reclaimable = 0;
        int active = 0;
        for (JsonNode c : df.path("Containers")) {
            String state = c.path("State").asText();
            long rw = c.path("SizeRw").asLong();
            size += rw;
            if (state.contains("running") || state.contains("paused") || state.contains("restarting")) {
                active++;
            } else {
                reclaimable += rw;
            }
        }
        return row("Containers", df.path("Containers").size(), active, size, reclaimable);
    }

    private static ObjectNode row(String type, int total, int active, long size, long reclaimable) {
        // go-units HumanSize: four significant digits
        String rec = HumanSize.withPrecision(reclaimable, 4) + (size > 0 ? " (" + (reclaimable * 100 / size) + "%)" : "");
        return F.objectNode().put("Type", type).put("TotalCount", String.valueOf(total)).put("Active", String.valueOf(active))
                .put("Size", HumanSize.withPrecision(size, 4)).put("Reclaimable", rec);
    }
}
