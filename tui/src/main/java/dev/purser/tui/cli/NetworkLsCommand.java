package dev.purser.tui.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.purser.tui.format.TableFormat;
import dev.purser.tui.format.TemplateException;
import dev.purser.tui.view.ContainerRow;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code network ls}: NETWORK ID, NAME, DRIVER and SCOPE by name as docker's; -q, --no-trunc, --format and the daemon's filters. */
@Command(name = "network-ls", description = "List networks")
final class NetworkLsCommand extends BaseCommand {
    static final String DEFAULT_FORMAT = "table {{.ID}}\t{{.Name}}\t{{.Driver}}\t{{.Scope}}";
    static final String QUIET_FORMAT = "{{.ID}}";
    static final ObjectNode HEADER = ContainerRow.NODES.objectNode()
            .put("ID", "NETWORK ID").put("Name", "NAME").put("Driver", "DRIVER").put("Scope", "SCOPE")
            .put("IPv4", "IPV4").put("IPv6", "IPV6").put("Internal", "INTERNAL").put("Labels", "LABELS").put("CreatedAt", "CREATED AT");

    @Option(names = {"-q", "--quiet"}) boolean quiet;
    @Option(names = "--no-trunc") boolean noTrunc;
    @Option(names = "--format") String format = "";
    @Option(names = {"-f", "--filter"}) List<String> filters = new ArrayList<>();
    @Parameters List<String> args = new ArrayList<>();

    String usage() { return "ls [OPTIONS]"; }

    public Integer call() {
        requireNone(args);
        VolumeFlagErrors.requireFilterPairs(spec, "-f, --filter", filters);
        String fmt = format.isEmpty() || format.equals("table") ? (quiet ? QUIET_FORMAT : DEFAULT_FORMAT) : format;
        List<ObjectNode> rows = new ArrayList<>();
        for (JsonNode n : session.client().networks().list(filters)) rows.add(row(n));
        rows.sort(Comparator.comparing((ObjectNode r) -> r.path("Name").asText()));
        try {
            session.out.print(new TableFormat(fmt, HEADER).render(rows));
        } catch (TemplateException e) {
            throw new CliError("template parsing error: " + e.getMessage(), 1);
        }
        return 0;
    }

    private ObjectNode row(JsonNode n) {
        List<String> labels = new ArrayList<>();
        n.path("Labels").fields().forEachRemaining(e -> labels.add(e.getKey() + "=" + e.getValue().asText()));
        labels.sort(null);
        String id = n.path("Id").asText();
        return ContainerRow.NODES.objectNode()
                .put("ID", noTrunc ? id : id.substring(0, Math.min(12, id.length())))
                .put("Name", n.path("Name").asText())
                .put("Driver", n.path("Driver").asText())
                .put("Scope", n.path("Scope").asText())
                .put("IPv4", Boolean.toString(n.path("EnableIPv4").asBoolean(true)))
                .put("IPv6", Boolean.toString(n.path("EnableIPv6").asBoolean(false)))
                .put("Internal", Boolean.toString(n.path("Internal").asBoolean(false)))
                .put("Labels", String.join(",", labels))
                .put("CreatedAt", n.path("Created").asText());
    }
}
