package dev.purser.tui.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code network prune}: docker's warning unless -f, then the names of the networks removed. */
@Command(name = "network-prune", description = "Remove all unused networks")
final class NetworkPruneCommand extends BaseCommand {
    static final String WARNING = "WARNING! This will remove all custom networks not used by at least one container.\n"
            + "Are you sure you want to continue?";

    @Option(names = {"-f", "--force"}) boolean force;
    @Option(names = "--filter") List<String> filters = new ArrayList<>();
    @Parameters List<String> args = new ArrayList<>();

    String usage() { return "prune [OPTIONS]"; }

    public Integer call() {
        requireNone(args);
        VolumeFlagErrors.requireFilterPairs(spec, "--filter", filters);
        if (!force && !Prompt.confirm(session, WARNING)) return 0;
        JsonNode report = session.client().networks().prune(filters);
        if (report.path("NetworksDeleted").size() > 0) {
            StringBuilder out = new StringBuilder("Deleted Networks:\n");
            report.path("NetworksDeleted").forEach(v -> out.append(v.asText()).append('\n'));
            session.out.print(out);
        }
        return 0;
    }
}
