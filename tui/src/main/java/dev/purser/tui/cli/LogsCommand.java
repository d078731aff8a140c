package dev.purser.tui.cli;

import dev.purser.tui.client.Response;
import dev.purser.tui.client.LogOptions;
import dev.purser.tui.client.StreamDemux;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code logs}: stdout to stdout and stderr to stderr, as the container wrote them. */
@Command(name = "logs", description = "Fetch the logs of a container")
final class LogsCommand extends BaseCommand {
    @Option(names = {"-f", "--follow"}) boolean follow;
    @Option(names = {"-t", "--timestamps"}) boolean timestamps;
    @Option(names = {"-n", "--tail"}) String tail = "all";
    @Option(names = "--since") String since;
    @Option(names = "--until") String until;
    @Option(names = "--details") boolean details;
    @Parameters List<String> args = new ArrayList<>();

    String usage() { return "logs [OPTIONS] CONTAINER"; }

    /** The flags above for DirectCommandLine. */
    static DirectFlags<LogsCommand> directFlags() {
        return new DirectFlags<>(LogsCommand::new)
                .flag(c -> c.follow = true, "-f", "--follow")
                .flag(c -> c.timestamps = true, "-t", "--timestamps")
                .text((c, v) -> c.tail = v, "-n", "--tail")
                .text((c, v) -> c.since = v, "--since")
                .text((c, v) -> c.until = v, "--until")
                .flag(c -> c.details = true, "--details")
                .positional((c, v) -> c.args.add(v));
    }

    public Integer call() {
        requireExactly(args, 1);
        var containers = session.client().containers();
        boolean tty = containers.inspect(args.get(0), false).path("Config").path("Tty").asBoolean();
        try (Response r = containers.logs(args.get(0), new LogOptions(follow, timestamps, tail, since, until))) {
            StreamDemux.copy(r.body(), tty, session.out, session.err);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return 0;
    }
}
