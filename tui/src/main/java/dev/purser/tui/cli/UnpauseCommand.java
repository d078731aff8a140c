package dev.purser.tui.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code unpause}: thaws each paused container. */
@Command(name = "unpause", description = "Unpause all processes within one or more containers")
final class UnpauseCommand extends BaseCommand {
    @Parameters List<String> targets = new ArrayList<>();

    String usage() { return "unpause CONTAINER [CONTAINER...]"; }

    public Integer call() {
        requireAtLeast(targets, 1);
        return forEach(targets, t -> { session.client().containers().unpause(t); return t; });
    }
}
