package dev.purser.tui.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code stop}: the stop signal, then SIGKILL after the timeout. */
@Command(name = "stop", description = "Stop one or more running containers")
final class StopCommand extends BaseCommand {
    @Option(names = {"-t", "--time", "--timeout"}) Integer time;
    @Option(names = {"-s", "--signal"}) String signal;
    @Parameters List<String> targets = new ArrayList<>();

    String usage() { return "stop [OPTIONS] CONTAINER [CONTAINER...]"; }

    /** The flags above for DirectCommandLine. */
    static DirectFlags<StopCommand> directFlags() {
        return new DirectFlags<>(StopCommand::new)
                .number((c, v) -> c.time = v, "-t", "--time", "--timeout")
                .text((c, v) -> c.signal = v, "-s", "--signal")
                .positional((c, v) -> c.targets.add(v));
    }

    public Integer call() {
        requireAtLeast(targets, 1);
        return forEach(targets, t -> { session.client().containers().stop(t, time, signal); return t; });
    }
}
