package dev.purser.tui.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.purser.tui.format.TabWriter;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code top}: the container's processes as ps shows them; extra arguments go to ps. */
@Command(name = "top", description = "Display the running processes of a container")
final class TopCommand extends BaseCommand {
    @Parameters List<String> args = new ArrayList<>();

    String usage() { return "top CONTAINER [ps OPTIONS]"; }

    public Integer call() {
        requireAtLeast(args, 1);
        String psArgs = String.join(" ", args.subList(1, args.size()));
        JsonNode top = session.client().containers().top(args.get(0), psArgs);
        StringBuilder text = new StringBuilder();
        List<String> titles = new ArrayList<>();
        top.path("Titles").forEach(t -> titles.add(t.asText()));
        text.append(String.join("\t", titles)).append('\n');
        for (JsonNode process : top.path("Processes")) {
            List<String> cells = new ArrayList<>();
            process.forEach(c -> cells.add(c.asText()));
            text.append(String.join("\t", cells)).append('\n');
        }
        // docker: tabwriter.NewWriter(out, 20, 1, 3, ' ', 0)
        session.out.print(new TabWriter(20, 3).format(text.toString()));
        return 0;
    }
}
