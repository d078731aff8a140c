package dev.purser.tui.cli;

import dev.purser.tui.view.ContainerRow;
import dev.purser.tui.view.StatsArithmetic;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.purser.tui.client.Containers;
import dev.purser.tui.format.HumanSize;
import dev.purser.tui.format.TableFormat;
import dev.purser.tui.format.TemplateException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code stats}: one sample per container, computed as docker/cli computes it from
 * cpu_stats/precpu_stats, memory_stats, networks, blkio_stats and pids_stats. Only
 * {@code --no-stream} is implemented; the live view belongs to the dashboard for now.
 */
@Command(name = "stats", description = "Display a live stream of container(s) resource usage statistics")
final class StatsCommand extends BaseCommand {
    static final String DEFAULT_FORMAT = "table {{.ID}}\t{{.Name}}\t{{.CPUPerc}}\t{{.MemUsage}}\t{{.MemPerc}}\t{{.NetIO}}\t{{.BlockIO}}\t{{.PIDs}}";
    static final ObjectNode HEADER = ContainerRow.NODES.objectNode()
            .put("ID", "CONTAINER ID").put("Name", "NAME").put("Container", "CONTAINER").put("CPUPerc", "CPU %")
            .put("MemUsage", "MEM USAGE / LIMIT").put("MemPerc", "MEM %").put("NetIO", "NET I/O")
            .put("BlockIO", "BLOCK I/O").put("PIDs", "PIDS");

    @Option(names = {"-a", "--all"}) boolean all;
    @Option(names = "--no-stream") boolean noStream;
    @Option(names = "--no-trunc") boolean noTrunc;
    @Option(names = "--format") String format = "";
    @Parameters List<String> args = new ArrayList<>();

    String usage() { return "stats [OPTIONS] [CONTAINER...]"; }

    public Integer call() {
        if (!noStream) {
            throw new CliError("purser: live stats are not implemented yet; use --no-stream", 1);
        }
        Containers containers = session.client().containers();
        List<String> targets = new ArrayList<>(args);
        if (targets.isEmpty()) {
            for (JsonNode c : containers.list(all, false, -1, List.of())) targets.add(c.path("Id").asText());
        }
        List<CompletableFuture<JsonNode>> samples = new ArrayList<>();
        for (String t : targets) samples.add(CompletableFuture.supplyAsync(() -> containers.stats(t)));
        List<ObjectNode> rows = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        for (int i = 0; i < targets.size(); i++) {
            try {
                rows.add(row(targets.get(i), samples.get(i).join(), !noTrunc));
            } catch (RuntimeException e) {
                Throwable cause = e.getCause() == null ? e : e.getCause();
                errors.add(cause.getMessage());
            }
        }
        String fmt = format.isEmpty() || format.equals("table") ? DEFAULT_FORMAT : format;
        try {
            session.out.print(new TableFormat(fmt, HEADER).render(rows));
        } catch (TemplateException e) {
            throw new CliError("template parsing error: " + e.getMessage(), 1);
        }
        if (errors.isEmpty()) return 0;
        errors.forEach(session.err::println);
        return 1;
    }

    /** One row: docker's formatter fields from a stats document. */
    static ObjectNode row(String container, JsonNode s, boolean trunc) {
        String id = s.path("id").asText();
        String name = s.path("name").asText();
        if (name.startsWith("/")) name = name.substring(1);
        double memUsage = StatsArithmetic.memoryNoCache(s.path("memory_stats"));
        double memLimit = s.path("memory_stats").path("limit").asDouble();
        double memPercent = memLimit != 0 ? memUsage / memLimit * 100.0 : 0;
        long rx = 0;
        long tx = 0;
        for (JsonNode n : s.path("networks")) {
            rx += n.path("rx_bytes").asLong();
            tx += n.path("tx_bytes").asLong();
        }
        long read = 0;
        long write = 0;
        for (JsonNode b : s.path("blkio_stats").path("io_service_bytes_recursive")) {
            String op = b.path("op").asText();
            if (op.equalsIgnoreCase("read")) read += b.path("value").asLong();
            else if (op.equalsIgnoreCase("write")) write += b.path("value").asLong();
        }
        return ContainerRow.NODES.objectNode()
                .put("ID", trunc ? ContainerRow.shortId(id) : id)
                .put("Name", name)
                .put("Container", container)
                .put("CPUPerc", String.format("%.2f%%", StatsArithmetic.cpuPercent(s)))
                .put("MemUsage", HumanSize.binary(memUsage) + " / " + HumanSize.binary(memLimit))
                .put("MemPerc", String.format("%.2f%%", memPercent))
                .put("NetIO", HumanSize.withPrecision(rx, 3) + " / " + HumanSize.withPrecision(tx, 3))
                .put("BlockIO", HumanSize.withPrecision(read, 3) + " / " + HumanSize.withPrecision(write, 3))
                .put("PIDs", String.valueOf(s.path("pids_stats").path("current").asLong()));
    }
}
