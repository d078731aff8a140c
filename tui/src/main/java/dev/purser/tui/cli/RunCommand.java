package dev.purser.tui.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.dockerjava.transport.DockerHttpClient.Response;
import dev.purser.tui.client.Containers;
import dev.purser.tui.client.CreatedContainer;
import dev.purser.pty.DetachKeys;
import dev.purser.pty.WindowSize;
import dev.purser.tui.client.DaemonError;
import dev.purser.tui.client.HijackedConnection;
import dev.purser.tui.client.StreamDemux;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code run}: create, attach, start, wait, exit with the container's code. As in docker the
 * attach and the wait are set up before the start, so no output and no exit is missed even
 * with {@code --rm} (where the daemon removes the container itself).
 */
@Command(name = "run", description = "Create and run a new container from an image")
class RunCommand extends BaseCommand {
    @Mixin ContainerFlags flags;
    @Option(names = {"-d", "--detach"}, arity = "0..1", fallbackValue = "true") boolean detach;
    @Option(names = "--detach-keys") String detachKeys;
    @Option(names = "--sig-proxy", arity = "0..1", fallbackValue = "true") Boolean sigProxy;
    @Option(names = {"-q", "--quiet"}) boolean quiet;
    @Parameters List<String> args = new ArrayList<>();

    @Override
    String usage() {
        return "run [OPTIONS] IMAGE [COMMAND] [ARG...]";
    }

    boolean isRun() {
        return true;
    }

    @Override
    public Integer call() {
        requireAtLeast(args, 1);
        refuseUnappliedFlags();
        ObjectNode body;
        try {
            body = CreateBody.build(flags, args.get(0), args.subList(1, args.size()), detach || !isRun(), session.env);
        } catch (IllegalArgumentException e) {
            throw failure(e.getMessage(), 125);
        }
        if (flags.tty && session.stdoutTerminal) {
            // as docker: the terminal has the right size from the first instant, before any resize
            try {
                WindowSize size = WindowSize.of(1);
                ((ObjectNode) body.get("HostConfig")).putArray("ConsoleSize").add(size.rows()).add(size.cols());
            } catch (java.io.IOException e) {
                // no size to give: the first resize sets it
            }
        }
        if (isRun() && !detach && flags.tty && flags.interactive && !session.stdinTerminal) {
            throw new CliError("the input device is not a TTY", 1);
        }
        String keys = ConfigFile.detachKeys(detachKeys, session.env);
        DetachKeys parsedKeys = validDetachKeys(keys);
        Containers containers;
        CreatedContainer created;
        try {
            containers = session.client().containers();
            created = containers.create(flags.name, flags.platform, body);
        } catch (RuntimeException e) {
            // as docker: run reports a failed create as its own (125); create as any error (1)
            throw isRun() ? statusError(e) : new CliError(String.valueOf(e.getMessage()), 1);
        }
        created.warnings().forEach(w -> session.err.println("WARNING: " + w));
        if (!isRun() || detach) {
            if (isRun()) start(containers, created.id());
            session.out.println(created.id());
            return 0;
        }
        if (flags.interactive || flags.tty) return attachInteractive(containers, created.id(), keys, parsedKeys);
        return attachAndRun(containers, created.id());
    }

    private static final java.util.Set<String> PULL_POLICIES = java.util.Set.of("always", "missing", "never");

    /**
     * Flags purser parses but cannot act on yet are refused like a bad flag, before anything is
     * created: purser never pulls, so {@code --pull always} cannot be honoured, while
     * {@code missing} and {@code never} are what it does.
     */
    void refuseUnappliedFlags() {
        if (!PULL_POLICIES.contains(flags.pull)) {
            throw failure("invalid pull option: '" + flags.pull + "': must be one of \"always\", \"missing\" or \"never\"", 125);
        }
        if (flags.pull.equals("always")) {
            throw failure("purser does not support --pull always yet", 125);
        }
    }

    /** docker/cli's validateDetachKeys: null/empty means the default. */
    static DetachKeys validDetachKeys(String keys) {
        if (keys == null || keys.isEmpty()) return DetachKeys.DEFAULT;
        try {
            return DetachKeys.parse(keys);
        } catch (IllegalArgumentException e) {
            throw new CliError("invalid detach keys (" + keys + "): " + e.getMessage(), 1);
        }
    }

    /**
     * {@code run -i} / {@code -t} / {@code -it}: attach on our own hijacked connection (stdin
     * when -i), open the wait, then start; relay until the container ends (its exit code) or the
     * user detaches (0, the container keeps running, nothing printed: as docker run).
     */
    private int attachInteractive(Containers containers, String id, String keys, DetachKeys parsedKeys) {
        HijackedConnection connection;
        Response wait;
        try {
            connection = containers.attachInteractive(id, flags.interactive, keys);
            wait = containers.openWait(id, flags.autoRemove ? "removed" : "next-exit");
        } catch (RuntimeException e) {
            throw statusError(e);
        }
        CompletableFuture<Long> exit = Background.supply("purser-wait", () -> containers.exitCode(wait));
        try (SignalProxy proxy = signalProxy(containers, id)) {
            AttachedStreams.End end = AttachedStreams.run(session, connection, flags.tty, flags.interactive, parsedKeys, streams -> {
                start(containers, id);
                if (flags.tty) streams.followWindowSize((rows, cols) -> containers.resize(id, rows, cols), false);
            });
            if (end == AttachedStreams.End.DETACHED) return 0;
            try {
                return (int) (long) exit.join();
            } catch (RuntimeException e) {
                Throwable cause = e.getCause() == null ? e : e.getCause();
                throw failure(String.valueOf(cause.getMessage()), 125);
            }
        }
    }

    /** docker's --sig-proxy (on unless false): without a terminal, signals purser gets go to the container. */
    private SignalProxy signalProxy(Containers containers, String id) {
        if (flags.tty || Boolean.FALSE.equals(sigProxy)) return SignalProxy.NONE;
        return SignalProxy.forward(signal -> containers.kill(id, "SIG" + signal));
    }

    private int attachAndRun(Containers containers, String id) {
        Response stream = containers.attach(id, null, detachKeys);
        CompletableFuture<Void> output = CompletableFuture.runAsync(() -> {
            try (stream) {
                StreamDemux.copy(stream.getBody(), flags.tty, session.out, session.err);
            } catch (Exception ignored) {
                // the stream ends when the container exits or is removed
            }
        });
        Response wait;
        try {
            wait = containers.openWait(id, flags.autoRemove ? "removed" : "next-exit");
        } catch (RuntimeException e) {
            throw statusError(e);
        }
        CompletableFuture<Long> exit = Background.supply("purser-wait", () -> containers.exitCode(wait));
        long code;
        try (SignalProxy proxy = signalProxy(containers, id)) {
            start(containers, id);
            code = exit.join();
        } catch (RuntimeException e) {
            if (e instanceof CliError) throw e;
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw failure(cause.getMessage(), 125);
        }
        output.join();
        session.out.flush();
        return (int) code;
    }

    private void start(Containers containers, String id) {
        try {
            containers.start(id);
        } catch (RuntimeException e) {
            throw statusError(e);
        }
    }

    /** docker's toStatusError: 127 when the command is not found, 126 when it cannot be run, else 125. */
    CliError statusError(RuntimeException e) {
        String m = String.valueOf(e.getMessage());
        int code = 125;
        if (e instanceof DaemonError) {
            if (m.contains("executable file not found") || m.contains("no such file or directory")) code = 127;
            else if (m.contains("permission denied") || m.contains("is a directory")) code = 126;
        }
        return failure(m, code);
    }

    CliError failure(String message, int code) {
        // docker 28 adds no full stop to the message
        return new CliError("purser: " + message + "\n\nRun '" + commandPath() + " --help' for more information", code);
    }
}
