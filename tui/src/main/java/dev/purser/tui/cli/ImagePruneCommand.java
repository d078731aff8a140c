package dev.purser.tui.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.purser.tui.format.HumanSize;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code image prune}: dangling images, or with -a every image no container uses. */
@Command(name = "prune", description = "Remove unused images")
final class ImagePruneCommand extends BaseCommand {
    static final String ALL_WARNING = "WARNING! This will remove all images without at least one container associated to them.\n"
            + "Are you sure you want to continue?";
    static final String DANGLING_WARNING = "WARNING! This will remove all dangling images.\nAre you sure you want to continue?";

    @Option(names = {"-a", "--all"}) boolean all;
    @Option(names = {"-f", "--force"}) boolean force;
    @Option(names = "--filter") List<String> filters = new ArrayList<>();
    @Parameters List<String> args = new ArrayList<>();

    String usage() { return "prune [OPTIONS]"; }

    public Integer call() {
        requireNone(args);
        if (!force && !Prompt.confirm(session, all ? ALL_WARNING : DANGLING_WARNING)) return 0;
        List<String> f = new ArrayList<>(filters);
        f.add("dangling=" + !all);
        JsonNode report = session.client().images().prune(f);
        long reclaimed = 0;
        if (report.path("ImagesDeleted").size() > 0) {
            StringBuilder out = new StringBuilder("Deleted Images:\n");
            for (JsonNode d : report.path("ImagesDeleted")) {
                if (!d.path("Untagged").asText().isEmpty()) out.append("untagged: ").append(d.get("Untagged").asText()).append('\n');
                else out.append("deleted: ").append(d.path("Deleted").asText()).append('\n');
            }
            session.out.println(out);
            reclaimed = report.path("SpaceReclaimed").asLong();
        }
        session.out.println("Total reclaimed space: " + HumanSize.of(reclaimed));
        return 0;
    }
}
