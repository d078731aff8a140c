package dev.purser.tui.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code network rm}: each network printed as it is removed, then the daemon's errors; exit 1 if any failed. */
@Command(name = "network-rm", description = "Remove one or more networks")
final class NetworkRmCommand extends BaseCommand {
    @Parameters List<String> names = new ArrayList<>();

    String usage() { return "rm NETWORK [NETWORK...]"; }

    public Integer call() {
        requireAtLeast(names, 1);
        return forEach(names, n -> { session.client().networks().remove(n); return n; });
    }
}
