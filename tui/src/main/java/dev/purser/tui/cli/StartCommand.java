package dev.purser.tui.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.purser.tui.client.Response;
import dev.purser.pty.DetachKeys;
import dev.purser.tui.client.Containers;
import dev.purser.tui.client.HijackedConnection;
import java.util.ArrayList;
import java.util.concurrent.CompletableFuture;
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

    /** {@code start -a}/{@code -i}: one container, attached before it starts; detaching leaves it running (exit 0). */
    private int startAttached() {
        if (targets.size() > 1) throw new CliError("purser: you cannot start and attach multiple containers at once", 1);
        Containers containers = session.client().containers();
        JsonNode container = containers.inspect(targets.get(0), false);
        String id = container.path("Id").asText(targets.get(0));
        boolean tty = container.path("Config").path("Tty").asBoolean();
        boolean stdin = interactive && container.path("Config").path("OpenStdin").asBoolean();
        if (tty && stdin && !session.stdinTerminal()) throw new CliError("the input device is not a TTY", 1);
        String keys = ConfigFile.detachKeys(detachKeys, session.env);
        DetachKeys parsedKeys = RunCommand.validDetachKeys(keys);
        HijackedConnection connection = containers.attachInteractive(id, stdin, keys);
        Response wait = containers.openWait(id, "next-exit");
        CompletableFuture<Long> exit = Background.supply("purser-wait", () -> containers.exitCode(wait));
        AttachedStreams.End end = AttachedStreams.run(session, connection, tty, stdin, parsedKeys, streams -> {
            containers.start(id);
            if (tty) streams.followWindowSize((rows, cols) -> containers.resize(id, rows, cols), false);
        });
        if (end == AttachedStreams.End.DETACHED) return 0;
        try {
            return (int) (long) exit.join();
        } catch (RuntimeException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new CliError(String.valueOf(cause.getMessage()), 1);
        }
    }

    String usage() { return "start [OPTIONS] CONTAINER [CONTAINER...]"; }

    public Integer call() {
        requireAtLeast(targets, 1);
        if (attach || interactive) return startAttached();
        return forEach(targets, t -> { session.client().containers().start(t); return t; });
    }
}
