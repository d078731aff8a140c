package dev.purser.tui.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.purser.tui.client.JsonTrees;
import dev.purser.tui.client.Response;
import dev.purser.tui.format.Template;
import dev.purser.tui.format.TemplateException;
import java.io.IOException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code events}: the daemon's event stream, one line per event in docker's format
 * ({@code <time> <type> <action> <id> (k=v, ...)}, attributes sorted) or a Go template.
 * Without {@code --until} it follows the stream until interrupted.
 */
@Command(name = "events", description = "Get real time events from the server")
final class EventsCommand extends BaseCommand {
    /** Go's RFC3339NanoFixed in local time, as jsonmessage prints it. */
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSSSSXXX");

    @Option(names = {"-f", "--filter"}) List<String> filters = new ArrayList<>();
    @Option(names = "--format") String format = "";
    @Option(names = "--since") String since;
    @Option(names = "--until") String until;
    @Parameters List<String> args = new ArrayList<>();

    String usage() { return "events [OPTIONS]"; }

    public Integer call() {
        requireNone(args);
        Template template;
        try {
            template = format.isEmpty() ? null : Template.parse(format.equals("json") ? "{{json .}}" : format);
        } catch (TemplateException e) {
            throw new CliError("template parsing error: " + e.getMessage(), 1);
        }
        Instant now = Instant.now();
        String sinceApi;
        String untilApi;
        try {
            sinceApi = Timestamps.toApi(since, now);
            untilApi = Timestamps.toApi(until, now);
        } catch (IllegalArgumentException e) {
            throw new CliError(e.getMessage(), 1);
        }
        for (String f : filters) {
            if (!f.contains("=")) {
                throw new CliError("invalid argument \"" + f + "\" for \"-f, --filter\" flag: bad format of filter (expected name=value)"
                        + "\n\nUsage:  " + HelpText.synopsis(spec) + "\n\nRun '" + commandPath() + " --help' for more information", 125);
            }
        }
        try (Response r = session.client().system().events(sinceApi, untilApi, filters)) {
            JsonTrees.forEach(r.body(), e -> {
                session.out.print(template == null ? line(e) + "\n" : template.execute(e) + "\n");
                session.out.flush();
            });
        } catch (IOException e) {
            // the daemon closed the stream
        } catch (TemplateException e) {
            throw new CliError("template: " + e.getMessage(), 1);
        }
        return 0;
    }

    /** docker/cli prettyPrintEvent. */
    static String line(JsonNode e) {
        StringBuilder b = new StringBuilder();
        long nanos = e.path("timeNano").asLong();
        long seconds = e.path("time").asLong();
        Instant t = nanos != 0 ? Instant.ofEpochSecond(0, nanos) : seconds != 0 ? Instant.ofEpochSecond(seconds) : null;
        if (t != null) b.append(TIME.format(t.atZone(ZoneId.systemDefault()))).append(' ');
        b.append(e.path("Type").asText()).append(' ').append(e.path("Action").asText()).append(' ')
                .append(e.path("Actor").path("ID").asText());
        Map<String, String> attributes = new TreeMap<>();
        e.path("Actor").path("Attributes").fields().forEachRemaining(a -> attributes.put(a.getKey(), a.getValue().asText()));
        if (!attributes.isEmpty()) {
            List<String> parts = new ArrayList<>();
            attributes.forEach((k, v) -> parts.add(k + "=" + v));
            b.append(" (").append(String.join(", ", parts)).append(')');
        }
        return b.toString();
    }
}
