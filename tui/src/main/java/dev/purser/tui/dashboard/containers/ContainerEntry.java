package dev.purser.tui.dashboard.containers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.purser.tui.dashboard.stats.StatsSample;
import dev.purser.tui.view.ContainerRow;
import java.time.Instant;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One container as the dashboard lists it: the API's summary and the {@code ps} row made from it
 * by the same {@link ContainerRow} the command line prints; its last stats reading and when it
 * started, once they have been read (the summary carries neither).
 */
public record ContainerEntry(String id, JsonNode summary, ObjectNode row, StatsSample usage, Instant startedAt) {
    private static final Pattern EXIT_CODE = Pattern.compile("Exited \\((-?\\d+)\\)");

    public static ContainerEntry of(JsonNode summary, Instant now) {
        return new ContainerEntry(summary.path("Id").asText(), summary, ContainerRow.of(summary, true, now), null, null);
    }

    public ContainerEntry withUsage(StatsSample sample) {
        return new ContainerEntry(id, summary, row, sample, startedAt);
    }

    public ContainerEntry withStartedAt(Instant started) {
        return new ContainerEntry(id, summary, row, usage, started);
    }

    public Optional<StatsSample> lastUsage() {
        return Optional.ofNullable(usage);
    }

    /** When it last started, while it runs (or is paused); empty when not known yet or not running. */
    public Optional<Instant> runningSince() {
        return running() || state().equals("paused") ? Optional.ofNullable(startedAt) : Optional.empty();
    }

    public String name() {
        return row.path("Names").asText();
    }

    public String state() {
        return summary.path("State").asText();
    }

    public boolean running() {
        return state().equals("running");
    }

    /** The exit code in the status ("Exited (3) 2 seconds ago"), 0 when there is none. */
    public int exitCode() {
        Matcher m = EXIT_CODE.matcher(summary.path("Status").asText());
        return m.find() ? Integer.parseInt(m.group(1)) : 0;
    }

    public String field(String name) {
        return row.path(name).asText();
    }

    public long created() {
        return summary.path("Created").asLong();
    }
}
