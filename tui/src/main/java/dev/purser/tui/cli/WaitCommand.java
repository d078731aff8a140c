package dev.purser.tui.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code wait}: blocks until each container stops and prints its exit code. */
@Command(name = "wait", description = "Block until one or more containers stop, then print their exit codes")
final class WaitCommand extends BaseCommand {
    @Parameters List<String> targets = new ArrayList<>();

    String usage() { return "wait CONTAINER [CONTAINER...]"; }

    public Integer call() {
        requireAtLeast(targets, 1);
        return forEach(targets, t -> String.valueOf(session.client().containers().await(t, "not-running")));
    }
}
