package dev.purser.tui.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code restart}: stop (with timeout) then start. */
@Command(name = "restart", description = "Restart one or more containers")
final class RestartCommand extends BaseCommand {
    @Option(names = {"-t", "--time", "--timeout"}) Integer time;
    @Option(names = {"-s", "--signal"}) String signal;
    @Parameters List<String> targets = new ArrayList<>();

    String usage() { return "restart [OPTIONS] CONTAINER [CONTAINER...]"; }

    public Integer call() {
        requireAtLeast(targets, 1);
        return forEach(targets, t -> { session.client().containers().restart(t, time, signal); return t; });
    }
}
