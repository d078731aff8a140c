package dev.purser.tui.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code volume rm}: each name printed as it is removed, then the daemon's errors; exit 1 if any failed. */
@Command(name = "volume-rm", description = "Remove one or more volumes")
final class VolumeRmCommand extends BaseCommand {
    @Option(names = {"-f", "--force"}) boolean force;
    @Parameters List<String> names = new ArrayList<>();

    String usage() { return "rm [OPTIONS] VOLUME [VOLUME...]"; }

    public Integer call() {
        requireAtLeast(names, 1);
        return forEach(names, n -> { session.client().volumes().remove(n, force); return n; });
    }
}
