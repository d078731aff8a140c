package dev.purser.tui.cli;

import dev.purser.tui.view.ContainerRow;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.purser.tui.client.Response;
import dev.purser.pty.DetachKeys;
import dev.purser.pty.WindowSize;
import dev.purser.tui.client.Containers;
import dev.purser.tui.client.HijackedConnection;
import dev.purser.tui.client.StreamDemux;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code exec}: runs a command in a running container and exits with its code (126/127 when it
 * cannot be run, as the daemon records them). Interactive exec (-i with a terminal) comes later;
 * as in docker, {@code -i -t} without a terminal is refused.
 */
@Command(name = "exec", description = "Execute a command in a running container")
final class ExecCommand extends BaseCommand {
    @Option(names = {"-d", "--detach"}) boolean detach;
    @Option(names = "--detach-keys") String detachKeys;
    @Option(names = {"-e", "--env"}) List<String> env = new ArrayList<>();
    @Option(names = "--env-file") List<String> envFiles = new ArrayList<>();
    @Option(names = {"-i", "--interactive"}) boolean interactive;
    @Option(names = "--privileged") boolean privileged;
    @Option(names = {"-t", "--tty"}) boolean tty;
    @Option(names = {"-u", "--user"}) String user = "";
    @Option(names = {"-w", "--workdir"}) String workdir = "";
    @Parameters List<String> args = new ArrayList<>();

    String usage() { return "exec [OPTIONS] CONTAINER COMMAND [ARG...]"; }

    public Integer call() {
        requireAtLeast(args, 2);
        List<String> environment = environment(session.env);
        Containers containers = session.client().containers();
        String target = args.get(0);
        containers.inspect(target, false);
        if (!detach && tty && interactive && !session.stdinTerminal()) throw new CliError("the input device is not a TTY", 1);
        String keys = ConfigFile.detachKeys(detachKeys, session.env);
        DetachKeys parsedKeys = RunCommand.validDetachKeys(keys);
        ObjectNode body = body(environment, keys);
        String execId = containers.execCreate(target, body);
        if (execId.isEmpty()) throw new CliError("exec ID empty", 1);
        if (detach) {
            containers.execStart(execId, true, tty);
            return 0;
        }
        if (interactive || tty) return interactive(containers, execId, parsedKeys);
        try (Response stream = containers.execStart(execId, false, tty)) {
            StreamDemux.copy(stream.body(), tty, session.out, session.err);
        } catch (IOException e) {
            // the stream ends when the command exits; its exit code says how it went
        }
        session.out.flush();
        return exitCode(containers, execId);
    }

    /** --env-file, then -e, as {@code run} reads them. */
    List<String> environment(java.util.Map<String, String> ours) {
        ContainerFlags envFlags = new ContainerFlags();
        envFlags.env = env;
        envFlags.envFiles = envFiles;
        try {
            return CreateBody.environment(envFlags, ours);
        } catch (IllegalArgumentException e) {
            throw new CliError(e.getMessage(), 1);
        }
    }

    /** The exec's create body: every flag of this command goes into it, as docker's. */
    ObjectNode body(List<String> environment, String keys) {
        ObjectNode body = ContainerRow.NODES.objectNode();
        body.put("User", user).put("Privileged", privileged).put("Tty", tty)
                .put("AttachStdin", interactive && !detach).put("AttachStdout", !detach).put("AttachStderr", !detach)
                .put("Detach", detach).put("WorkingDir", workdir);
        if (keys != null) body.put("DetachKeys", keys);
        ArrayNode envArray = body.putArray("Env");
        environment.forEach(envArray::add);
        ArrayNode cmd = body.putArray("Cmd");
        args.subList(1, args.size()).forEach(cmd::add);
        return body;
    }

    /**
     * {@code exec -i}/{@code -t}/{@code -it}: exec start on our own hijacked connection, raw mode
     * and /exec/{id}/resize for a TTY, the exec's exit code at the end. A detach ends it with
     * docker's {@code read escape sequence} (exit 1), the command keeps running.
     */
    private int interactive(Containers containers, String execId, DetachKeys parsedKeys) {
        int rows = 0;
        int cols = 0;
        if (tty && session.stdoutTerminal()) {
            try {
                WindowSize size = WindowSize.of(1);
                rows = size.rows();
                cols = size.cols();
            } catch (IOException ignored) {
                // no size known: the daemon's default until the first resize
            }
        }
        HijackedConnection connection = containers.execStartInteractive(execId, tty, rows, cols);
        AttachedStreams.End end = AttachedStreams.run(session, connection, tty, interactive, parsedKeys, streams -> {
            if (tty) streams.followWindowSize((r, c) -> containers.execResize(execId, r, c), false);
        });
        if (end == AttachedStreams.End.DETACHED) throw new CliError("read escape sequence", 1);
        return exitCode(containers, execId);
    }

    /** The exec's exit code; the daemon may record it a moment after the stream ends. */
    private static int exitCode(Containers containers, String execId) {
        for (int i = 0; i < 100; i++) {
            JsonNode inspect = containers.execInspect(execId);
            if (!inspect.path("Running").asBoolean() && inspect.hasNonNull("ExitCode")) return inspect.get("ExitCode").asInt();
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return containers.execInspect(execId).path("ExitCode").asInt();
    }
}
