package dev.purser.tui.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code rmi}: removes images, printing each "Untagged:" and "Deleted:" the daemon reports. */
@Command(name = "rmi", description = "Remove one or more images")
final class RmiCommand extends BaseCommand {
    @Option(names = {"-f", "--force"}) boolean force;
    @Option(names = "--no-prune") boolean noPrune;
    @Option(names = "--platform") List<String> platforms = new ArrayList<>();
    @Parameters List<String> targets = new ArrayList<>();

    String usage() { return "rmi [OPTIONS] IMAGE [IMAGE...]"; }

    public Integer call() {
        // parsed so docker's command lines are understood, refused because nothing here would apply it
        if (!platforms.isEmpty()) throw new CliError("purser does not support --platform yet", 125);
        requireAtLeast(targets, 1);
        return forEach(targets, t -> {
            StringBuilder printed = new StringBuilder();
            for (JsonNode d : session.client().images().remove(t, force, noPrune)) {
                if (!printed.isEmpty()) printed.append('\n');
                if (d.hasNonNull("Deleted") && !d.get("Deleted").asText().isEmpty()) printed.append("Deleted: ").append(d.get("Deleted").asText());
                else printed.append("Untagged: ").append(d.path("Untagged").asText());
            }
            return printed.isEmpty() ? null : printed.toString();
        });
    }
}
