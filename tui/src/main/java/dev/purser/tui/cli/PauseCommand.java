package dev.purser.tui.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code pause}: freezes all processes of each container. */
@Command(name = "pause", description = "Pause all processes within one or more containers")
final class PauseCommand extends BaseCommand {
    @Parameters List<String> targets = new ArrayList<>();

    String usage() { return "pause CONTAINER [CONTAINER...]"; }

    public Integer call() {
        requireAtLeast(targets, 1);
        return forEach(targets, t -> { session.client().containers().pause(t); return t; });
    }
}
