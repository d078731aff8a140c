package dev.purser.tui.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code start}: starts each container and prints its name as given. */
@Command(name = "start", description = "Start one or more stopped containers")
final class StartCommand extends BaseCommand {
    @Option(names = {"-a", "--attach"}) boolean attach;
    @Option(names = {"-i", "--interactive"}) boolean interactive;
    @Option(names = "--detach-keys") String detachKeys;
    @Parameters List<String> targets = new ArrayList<>();

    String usage() { return "start [OPTIONS] CONTAINER [CONTAINER...]"; }

    public Integer call() {
        requireAtLeast(targets, 1);
        if (attach || interactive) throw new CliError("purser: start --attach/--interactive is not supported yet", 1);
        return forEach(targets, t -> { session.client().containers().start(t); return t; });
    }
}
