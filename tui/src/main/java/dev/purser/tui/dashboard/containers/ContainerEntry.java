package dev.purser.tui.dashboard.containers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.purser.tui.view.ContainerRow;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One container as the dashboard lists it: the API's summary and the {@code ps} row made from it
 * by the same {@link ContainerRow} the command line prints.
 */
public record ContainerEntry(String id, JsonNode summary, ObjectNode row) {
    private static final Pattern EXIT_CODE = Pattern.compile("Exited \\((-?\\d+)\\)");

    public static ContainerEntry of(JsonNode summary, Instant now) {
        return new ContainerEntry(summary.path("Id").asText(), summary, ContainerRow.of(summary, true, now));
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
