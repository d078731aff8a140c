package dev.purser.tui.cli;

import dev.purser.tui.view.ImageRow;
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

/** {@code images}: REPOSITORY TAG IMAGE ID CREATED SIZE. */
@Command(name = "images", description = "List images")
final class ImagesCommand extends BaseCommand {
    static final String DEFAULT_FORMAT = "table {{.Repository}}\t{{.Tag}}\t{{.ID}}\t{{if .CreatedSince }}{{.CreatedSince}}{{else}}N/A{{end}}\t{{.Size}}";
    static final String DIGEST_FORMAT = "table {{.Repository}}\t{{.Tag}}\t{{.Digest}}\t{{.ID}}\t{{if .CreatedSince }}{{.CreatedSince}}{{else}}N/A{{end}}\t{{.Size}}";

    @Option(names = {"-a", "--all"}) boolean all;
    @Option(names = {"-q", "--quiet"}) boolean quiet;
    @Option(names = "--no-trunc") boolean noTrunc;
    @Option(names = "--digests") boolean digests;
    @Option(names = {"-f", "--filter"}) List<String> filters = new ArrayList<>();
    @Option(names = "--format") String format = "";
    @Parameters List<String> args = new ArrayList<>();

    String usage() { return "images [OPTIONS] [REPOSITORY[:TAG]]"; }

    public Integer call() {
        if (args.size() > 1) throw new CliError("purser: '" + commandPath() + "' requires at most 1 argument\n\nUsage:  purser " + usage()
                + "\n\nSee '" + commandPath() + " --help' for more information", 1);
        for (String filter : filters) {
            if (!filter.contains("=")) {
                throw new CliError("invalid argument \"" + filter + "\" for \"-f, --filter\" flag: bad format of filter (expected name=value)"
                        + "\n\nUsage:  " + HelpText.synopsis(spec) + "\n\nRun '" + commandPath() + " --help' for more information", 125);
            }
        }
        List<String> f = new ArrayList<>(filters);
        if (!args.isEmpty()) f.add("reference=" + args.get(0));
        String fmt = quiet ? "{{.ID}}" : format.isEmpty() || format.equals("table") ? (digests ? DIGEST_FORMAT : DEFAULT_FORMAT) : format;
        Instant now = Instant.now();
        List<ObjectNode> rows = new ArrayList<>();
        List<String> seen = new ArrayList<>();
        for (JsonNode image : session.client().images().list(all, digests, f)) {
            for (ObjectNode row : ImageRow.of(image, !noTrunc, now)) {
                // -q prints each image once even when it has several tags
                if (quiet && seen.contains(row.get("ID").asText())) continue;
                seen.add(row.get("ID").asText());
                rows.add(row);
            }
        }
        try {
            session.out.print(new TableFormat(fmt, ImageRow.HEADER).render(rows));
        } catch (TemplateException e) {
            throw new CliError("template parsing error: " + e.getMessage(), 1);
        }
        return 0;
    }
}
