package dev.purser.tui.cli;

import dev.purser.tui.client.Response;
import dev.purser.tui.client.Containers;
import dev.purser.tui.client.CreatedContainer;
import dev.purser.pty.DetachKeys;
import dev.purser.tui.client.DaemonError;
import dev.purser.tui.client.HijackedConnection;
import dev.purser.tui.client.StreamDemux;
import java.util.concurrent.CompletableFuture;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code run}: create, attach, start, wait, exit with the container's code. As in docker the
 * attach and the wait are set up before the start, so no output and no exit is missed even
 * with {@code --rm} (where the daemon removes the container itself).
 */
@Command(name = "run", description = "Create and run a new container from an image")
final class RunCommand extends NewContainerCommand {
    @Option(names = {"-d", "--detach"}, arity = "0..1", fallbackValue = "true") boolean detach;
    @Option(names = "--detach-keys") String detachKeys;
    @Option(names = "--sig-proxy", arity = "0..1", fallbackValue = "true") Boolean sigProxy;
    private String keys;
    private DetachKeys parsedKeys;

    @Override
    String usage() {
        return "run [OPTIONS] IMAGE [COMMAND] [ARG...]";
    }

    @Override
    boolean detached() {
        return detach;
    }

    @Override
    void beforeCreate() {
        if (!detach && flags.tty && flags.interactive && !session.stdinTerminal()) {
            throw new CliError("the input device is not a TTY", 1);
        }
        keys = ConfigFile.detachKeys(detachKeys, session.env);
        parsedKeys = validDetachKeys(keys);
    }

    @Override
    CliError createFailed(RuntimeException e) {
        // as docker: run reports a failed create as its own (125)
        return statusError(e);
    }

    @Override
    int created(Containers containers, CreatedContainer created) {
        if (detach) {
            start(containers, created.id());
            session.out.println(created.id());
            return 0;
        }
        if (flags.interactive || flags.tty) return attachInteractive(containers, created.id(), keys, parsedKeys);
        return attachAndRun(containers, created.id());
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
                StreamDemux.copy(stream.body(), flags.tty, session.out, session.err);
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
}
