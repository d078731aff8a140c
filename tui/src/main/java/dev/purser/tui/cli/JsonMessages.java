package dev.purser.tui.cli;

import dev.purser.tui.client.JsonTrees;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;

/**
 * docker's {@code DisplayJSONMessagesToStream} without a terminal: "stream" text as is, "status"
 * (with its id) one per line; an "error" ends the display with that message (exit 1).
 */
final class JsonMessages {
    private JsonMessages() {}

    static void display(InputStream in, PrintStream out) throws IOException {
        JsonTrees.forEach(in, m -> {
            if (m.hasNonNull("error") || m.path("errorDetail").hasNonNull("message")) {
                String text = m.path("errorDetail").hasNonNull("message") ? m.path("errorDetail").path("message").asText() : m.path("error").asText();
                throw new CliError(text, 1);
            }
            if (m.hasNonNull("stream")) {
                out.print(m.get("stream").asText());
            } else if (m.hasNonNull("status")) {
                String id = m.path("id").asText("");
                out.println((id.isEmpty() ? "" : id + ": ") + m.get("status").asText());
            }
            out.flush();
        });
    }
}
