package dev.purser.tui.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code rm}: removes containers; {@code -f} kills running ones first, {@code -v} their anonymous volumes. */
@Command(name = "rm", description = "Remove one or more containers")
final class RmCommand extends BaseCommand {
    @Option(names = {"-f", "--force"}) boolean force;
    @Option(names = {"-v", "--volumes"}) boolean volumes;
    @Option(names = {"-l", "--link"}) boolean link;
    @Parameters List<String> targets = new ArrayList<>();

    String usage() { return "rm [OPTIONS] CONTAINER [CONTAINER...]"; }

    public Integer call() {
        requireAtLeast(targets, 1);
        return forEach(targets, t -> { session.client().containers().remove(t, force, volumes, link); return t; });
    }
}
