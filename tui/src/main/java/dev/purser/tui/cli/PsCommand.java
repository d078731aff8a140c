package dev.purser.tui.cli;

import dev.purser.tui.view.ContainerRow;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.purser.tui.format.TableFormat;
import dev.purser.tui.format.TemplateException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ps}: docker's columns, filters, quiet and custom formats. */
@Command(name = "ps", description = "List containers")
final class PsCommand extends BaseCommand {
    static final String DEFAULT_FORMAT = "table {{.ID}}\t{{.Image}}\t{{.Command}}\t{{.RunningFor}}\t{{.Status}}\t{{.Ports}}\t{{.Names}}";

    @Option(names = {"-a", "--all"}) boolean all;
    @Option(names = {"-q", "--quiet"}) boolean quiet;
    @Option(names = "--no-trunc") boolean noTrunc;
    @Option(names = {"-f", "--filter"}) List<String> filters = new ArrayList<>();
    @Option(names = {"-n", "--last"}) int last = -1;
    @Option(names = {"-l", "--latest"}) boolean latest;
    @Option(names = {"-s", "--size"}) boolean size;
    @Option(names = "--format") String format = "";
    @Parameters List<String> args = new ArrayList<>();

    String usage() { return "ps [OPTIONS]"; }

    /** The flags above for DirectCommandLine. */
    static DirectFlags<PsCommand> directFlags() {
        return new DirectFlags<>(PsCommand::new)
                .flag(c -> c.all = true, "-a", "--all")
                .flag(c -> c.quiet = true, "-q", "--quiet")
                .flag(c -> c.noTrunc = true, "--no-trunc")
                .text((c, v) -> c.filters.add(v), "-f", "--filter")
                .number((c, v) -> c.last = v, "-n", "--last")
                .flag(c -> c.latest = true, "-l", "--latest")
                .flag(c -> c.size = true, "-s", "--size")
                .text((c, v) -> c.format = v, "--format")
                .positional((c, v) -> c.args.add(v));
    }

    public Integer call() {
        requireNone(args);
        String fmt = format.isEmpty() || format.equals("table") ? (quiet ? "{{.ID}}" : DEFAULT_FORMAT + (size ? "\t{{.Size}}" : "")) : quiet ? "{{.ID}}" : format;
        TableFormat table = new TableFormat(fmt, ContainerRow.HEADER);
        int limit = latest ? 1 : last;
        boolean wantSize = size || fmt.contains(".Size");
        List<JsonNode> containers = session.client().containers().list(all || limit > 0, wantSize, limit, filters);
        Instant now = Instant.now();
        List<ObjectNode> rows = new ArrayList<>();
        // the built-in layouts (the table, -q) do not show .CreatedAt; a format of the user's may, also through json or printf of the row
        boolean createdAt = !(quiet || format.isEmpty() || format.equals("table"));
        for (JsonNode c : containers) rows.add(ContainerRow.of(c, !noTrunc, now, createdAt));
        try {
            session.out.print(table.render(rows));
        } catch (TemplateException e) {
            throw new CliError("failed to parse template: " + e.getMessage(), 1);
        }
        return 0;
    }
}
