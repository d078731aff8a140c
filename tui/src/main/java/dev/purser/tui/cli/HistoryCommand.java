package dev.purser.tui.cli;

import dev.purser.tui.view.ContainerRow;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.purser.tui.format.HumanDuration;
import dev.purser.tui.format.HumanSize;
import dev.purser.tui.format.TableFormat;
import dev.purser.tui.format.TemplateException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code history}: IMAGE CREATED CREATED BY SIZE COMMENT, newest layer first. */
@Command(name = "history", description = "Show the history of an image")
final class HistoryCommand extends BaseCommand {
    static final String HUMAN_FORMAT = "table {{.ID}}\t{{.CreatedSince}}\t{{.CreatedBy}}\t{{.Size}}\t{{.Comment}}";
    static final String RAW_FORMAT = "table {{.ID}}\t{{.CreatedAt}}\t{{.CreatedBy}}\t{{.Size}}\t{{.Comment}}";
    static final ObjectNode HEADER = ContainerRow.NODES.objectNode()
            .put("ID", "IMAGE").put("CreatedSince", "CREATED").put("CreatedAt", "CREATED AT")
            .put("CreatedBy", "CREATED BY").put("Size", "SIZE").put("Comment", "COMMENT");
    private static final DateTimeFormatter RFC3339 = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX");

    @Option(names = {"-H", "--human"}, arity = "0..1", fallbackValue = "true") boolean human = true;
    @Option(names = "--no-trunc") boolean noTrunc;
    @Option(names = {"-q", "--quiet"}) boolean quiet;
    @Option(names = "--format") String format = "";
    @Option(names = "--platform") String platform;
    @Parameters List<String> args = new ArrayList<>();

    String usage() { return "history [OPTIONS] IMAGE"; }

    public Integer call() {
        // parsed so docker's command lines are understood, refused because nothing here would apply it
        if (platform != null) throw new CliError("purser does not support --platform yet", 125);
        requireExactly(args, 1);
        String fmt = quiet ? "{{.ID}}" : format.isEmpty() || format.equals("table") ? (human ? HUMAN_FORMAT : RAW_FORMAT) : format;
        Instant now = Instant.now();
        List<ObjectNode> rows = new ArrayList<>();
        for (JsonNode h : session.client().images().history(args.get(0))) rows.add(row(h, human, !noTrunc, now));
        try {
            session.out.print(new TableFormat(fmt, HEADER).render(rows));
        } catch (TemplateException e) {
            throw new CliError("template parsing error: " + e.getMessage(), 1);
        }
        return 0;
    }

    static ObjectNode row(JsonNode h, boolean human, boolean trunc, Instant now) {
        String id = h.path("Id").asText();
        if (trunc && !id.equals("<missing>")) id = ContainerRow.shortId(id);
        long created = h.path("Created").asLong();
        String createdAt = RFC3339.format(Instant.ofEpochSecond(created).atZone(ZoneId.systemDefault()));
        String createdBy = h.path("CreatedBy").asText().replace("\t", " ");
        long size = h.path("Size").asLong();
        return ContainerRow.NODES.objectNode()
                .put("ID", id)
                .put("CreatedAt", createdAt)
                .put("CreatedSince", human ? HumanDuration.ago(Duration.between(Instant.ofEpochSecond(created), now)) : createdAt)
                .put("CreatedBy", trunc ? ContainerRow.ellipsis(createdBy, 45) : createdBy)
                .put("Size", human ? HumanSize.of(size) : String.valueOf(size))
                .put("Comment", h.path("Comment").asText());
    }
}
