package dev.purser.tui.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code kill}: sends a signal (SIGKILL by default). */
@Command(name = "kill", description = "Kill one or more running containers")
final class KillCommand extends BaseCommand {
    @Option(names = {"-s", "--signal"}) String signal;
    @Parameters List<String> targets = new ArrayList<>();

    String usage() { return "kill [OPTIONS] CONTAINER [CONTAINER...]"; }

    public Integer call() {
        requireAtLeast(targets, 1);
        return forEach(targets, t -> { session.client().containers().kill(t, signal); return t; });
    }
}
