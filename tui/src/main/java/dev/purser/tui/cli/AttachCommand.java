package dev.purser.tui.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.dockerjava.transport.DockerHttpClient.Response;
import dev.purser.pty.DetachKeys;
import dev.purser.tui.client.Containers;
import dev.purser.tui.client.HijackedConnection;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code attach}: the container's stdio on this terminal, as docker attach: a stopped, paused or
 * restarting container is refused; stdin is attached when the container has OpenStdin (unless
 * --no-stdin); the exit code is the container's; detaching prints docker's
 * {@code read escape sequence} and exits 1, as docker does (the error of its escape proxy).
 */
@Command(name = "attach", description = "Attach local standard input, output, and error streams to a running container")
final class AttachCommand extends BaseCommand {
    @Option(names = "--detach-keys") String detachKeys;
    @Option(names = "--no-stdin") boolean noStdin;
    @Option(names = "--sig-proxy", arity = "0..1", fallbackValue = "true") Boolean sigProxy;
    @Parameters List<String> args = new ArrayList<>();

    String usage() { return "attach [OPTIONS] CONTAINER"; }

    public Integer call() {
        requireExactly(args, 1);
        Containers containers = session.client().containers();
        String target = args.get(0);
        JsonNode container = checkState(containers, target);
        String keys = ConfigFile.detachKeys(detachKeys, session.env);
        DetachKeys parsedKeys = RunCommand.validDetachKeys(keys);
        boolean tty = container.path("Config").path("Tty").asBoolean();
        boolean stdin = !noStdin && container.path("Config").path("OpenStdin").asBoolean();
        String id = container.path("Id").asText(target);
        Response wait = containers.openWait(id, "not-running");
        CompletableFuture<Long> exit = Background.supply("purser-wait", () -> containers.exitCode(wait));
        HijackedConnection connection = containers.attachInteractive(id, stdin, keys);
        // the container may have stopped between the check and the attach
        checkState(containers, id);
        // docker's --sig-proxy (on unless false): without a terminal, signals purser gets go to the container
        try (SignalProxy proxy = tty || Boolean.FALSE.equals(sigProxy) ? SignalProxy.NONE
                : SignalProxy.forward(signal -> containers.kill(id, "SIG" + signal))) {
            AttachedStreams.End end = AttachedStreams.run(session, connection, tty, stdin, parsedKeys, streams -> {
                if (tty) streams.followWindowSize((rows, cols) -> containers.resize(id, rows, cols), true);
            });
            if (end == AttachedStreams.End.DETACHED) throw new CliError("read escape sequence", 1);
            try {
                return (int) (long) exit.join();
            } catch (RuntimeException e) {
                Throwable cause = e.getCause() == null ? e : e.getCause();
                throw new CliError(String.valueOf(cause.getMessage()), 1);
            }
        }
    }

    /** docker's inspectContainerAndCheckState. */
    static JsonNode checkState(Containers containers, String target) {
        JsonNode c = containers.inspect(target, false);
        JsonNode state = c.path("State");
        if (!state.path("Running").asBoolean()) throw new CliError("cannot attach to a stopped container, start it first", 1);
        if (state.path("Paused").asBoolean()) throw new CliError("cannot attach to a paused container, unpause it first", 1);
        if (state.path("Restarting").asBoolean()) throw new CliError("cannot attach to a restarting container, wait until it is running", 1);
        return c;
    }
}
