package dev.purser.tui.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.purser.tui.format.TableFormat;
import dev.purser.tui.format.TemplateException;
import dev.purser.tui.view.VolumeRow;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code volume ls}: DRIVER and VOLUME NAME in natural name order; -q, --format and the daemon's filters. */
@Command(name = "volume-ls", description = "List volumes")
final class VolumeLsCommand extends BaseCommand {
    static final String DEFAULT_FORMAT = "table {{.Driver}}\t{{.Name}}";
    static final String QUIET_FORMAT = "{{.Name}}";

    @Option(names = {"-q", "--quiet"}) boolean quiet;
    @Option(names = "--format") String format = "";
    @Option(names = {"-f", "--filter"}) List<String> filters = new ArrayList<>();
    @Parameters List<String> args = new ArrayList<>();

    String usage() { return "ls [OPTIONS]"; }

    public Integer call() {
        requireNone(args);
        VolumeFlagErrors.requireFilterPairs(spec, "-f, --filter", filters);
        String fmt = formatOf(format, quiet);
        List<ObjectNode> rows = new ArrayList<>();
        for (JsonNode v : session.client().volumes().list(filters)) rows.add(VolumeRow.of(v));
        rows.sort(Comparator.comparing((ObjectNode r) -> r.path("Name").asText(), VolumeRow::naturalCompare));
        try {
            session.out.print(new TableFormat(fmt, VolumeRow.HEADER).render(rows));
        } catch (TemplateException e) {
            throw new CliError("template parsing error: " + e.getMessage(), 1);
        }
        return 0;
    }

    /** docker's NewVolumeFormat: "table" (or nothing) is the default columns, or the names alone with -q; a template wins over -q. */
    static String formatOf(String format, boolean quiet) {
        if (format.isEmpty() || format.equals("table")) return quiet ? QUIET_FORMAT : DEFAULT_FORMAT;
        return format;
    }
}
