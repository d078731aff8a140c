package dev.purser.tui.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.purser.tui.format.HumanSize;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code container prune}: removes stopped containers after docker's confirmation (unless -f). */
@Command(name = "prune", description = "Remove all stopped containers")
final class ContainerPruneCommand extends BaseCommand {
    static final String WARNING = "WARNING! This will remove all stopped containers.\nAre you sure you want to continue?";

    @Option(names = {"-f", "--force"}) boolean force;
    @Option(names = "--filter") List<String> filters = new ArrayList<>();
    @Parameters List<String> args = new ArrayList<>();

    String usage() { return "prune [OPTIONS]"; }

    public Integer call() {
        requireNone(args);
        if (!force && !Prompt.confirm(session, WARNING)) return 0;
        JsonNode report = session.client().containers().prune(filters);
        long reclaimed = 0;
        if (report.path("ContainersDeleted").size() > 0) {
            StringBuilder out = new StringBuilder("Deleted Containers:\n");
            report.path("ContainersDeleted").forEach(id -> out.append(id.asText()).append('\n'));
            session.out.println(out);
            reclaimed = report.path("SpaceReclaimed").asLong();
        }
        session.out.println("Total reclaimed space: " + HumanSize.of(reclaimed));
        return 0;
    }
}
