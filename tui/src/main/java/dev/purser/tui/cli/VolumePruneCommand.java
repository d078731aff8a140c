package dev.purser.tui.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.purser.tui.client.Volumes;
import dev.purser.tui.format.HumanSize;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code volume prune}: anonymous volumes no container uses (with -a every unused one), after docker's prompt unless -f. */
@Command(name = "volume-prune", description = "Remove unused local volumes")
final class VolumePruneCommand extends BaseCommand {
    static final String ANONYMOUS_WARNING = "WARNING! This will remove anonymous local volumes not used by at least one container.\n"
            + "Are you sure you want to continue?";
    static final String ALL_WARNING = "WARNING! This will remove all local volumes not used by at least one container.\n"
            + "Are you sure you want to continue?";

    @Option(names = {"-a", "--all"}) boolean all;
    @Option(names = {"-f", "--force"}) boolean force;
    @Option(names = "--filter") List<String> filters = new ArrayList<>();
    @Parameters List<String> args = new ArrayList<>();

    String usage() { return "prune [OPTIONS]"; }

    public Integer call() {
        requireNone(args);
        VolumeFlagErrors.requireFilterPairs(spec, "--filter", filters);
        List<String> f = new ArrayList<>(filters);
        // as docker's CLI: before API 1.42 a prune takes every unused volume, and --all does not exist
        String daemonVersion = session.client().volumes().daemonApiVersion();
        boolean anonymousOnly = Volumes.prunesAnonymousOnly(daemonVersion);
        if (all && !anonymousOnly) {
            throw new CliError("\"--all\" requires API version " + Volumes.ANONYMOUS_PRUNE_API + ", but the Docker daemon API version is "
                    + daemonVersion, 1);
        }
        if (all) {
            if (f.stream().anyMatch(p -> p.substring(0, p.indexOf('=')).trim().equalsIgnoreCase("all"))) {
                throw new CliError("conflicting options: cannot specify both --all and --filter all=1", 1);
            }
            f.add("all=true");
        }
        // as docker: answering anything but y cancels quietly, exit 0
        if (!force && !Prompt.confirm(session, all || !anonymousOnly ? ALL_WARNING : ANONYMOUS_WARNING)) return 0;
        JsonNode report = session.client().volumes().prune(f, anonymousOnly);
        long reclaimed = 0;
        if (report.path("VolumesDeleted").size() > 0) {
            StringBuilder out = new StringBuilder("Deleted Volumes:\n");
            report.path("VolumesDeleted").forEach(v -> out.append(v.asText()).append('\n'));
            session.out.println(out);
            reclaimed = report.path("SpaceReclaimed").asLong();
        }
        session.out.println("Total reclaimed space: " + HumanSize.withPrecision(reclaimed, 4));
        return 0;
    }
}
