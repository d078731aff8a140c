package dev.purser.tui.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.purser.tui.client.Response;
import dev.purser.pty.DetachKeys;
import dev.purser.pty.RelayOptions;
import dev.purser.pty.StoppableInput;
import dev.purser.pty.TerminalRelay;
import dev.purser.pty.WindowSize;
import dev.purser.pty.WindowWatcher;
import dev.purser.tui.cli.SignalProxy;
import dev.purser.tui.client.Containers;
import dev.purser.tui.client.HijackedConnection;
import dev.purser.tui.client.PurserClient;
import dev.purser.tui.client.StreamDemux;
import dev.purser.tui.dashboard.terminal.HostScreen;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Shells and attaches from the dashboard: the session gets the whole terminal through
 * {@link HostScreen#lend}, with the pty module's relay, detach filter and SIGWINCH watcher (the
 * same pieces as {@code purser exec -it}). The detach keys are watched on both sides, as docker
 * does: the daemon ends the stream when it sees them, the relay ends at once when it does.
 * The watcher replaces Lanterna's SIGWINCH handler for the session and puts it back after
 * (lanterna-traps T16), so resizes go to the container while it has the screen. A container
 * without a TTY is attached as docker attach does it: its multiplexed output demultiplexed onto
 * the terminal, typed lines to its stdin only when it has OpenStdin, the terminal's own line
 * discipline echoing and editing them, Ctrl-C a SIGINT for the container (docker's sig-proxy).
 */
final class ContainerSessions implements Handover {
    /** Cursor home, then the whole screen erased. */
    private static final byte[] CLEAR_SCREEN = "\033[H\033[2J".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    private final PurserClient client;
    private final HostScreen host;
    private final List<String> shells;
    private final String detachKeys;

    ContainerSessions(PurserClient client, HostScreen host, List<String> shells, String detachKeys) {
        this.client = client;
        this.host = host;
        this.shells = shells;
        this.detachKeys = detachKeys;
    }

    @Override
    public String run(Kind kind, String id, String name) {
        Containers containers = client.containers();
        try {
            if (kind == Kind.SHELL) {
                String shell = firstShell(containers, id);
                if (shell == null) return "could not start a shell in " + name + ": none of " + String.join(", ", shells) + " runs there";
                ObjectNode body = client.engine().json().createObjectNode();
                body.put("AttachStdin", true).put("AttachStdout", true).put("AttachStderr", true).put("Tty", true);
                if (detachKeys != null) body.put("DetachKeys", detachKeys);
                body.putArray("Cmd").add(shell);
                String execId = containers.execCreate(id, body);
                TerminalRelay.End end = host.lend(() -> {
                    WindowSize size = WindowSize.of(1);
                    try (HijackedConnection connection = containers.execStartInteractive(execId, true, size.rows(), size.cols())) {
                        return relay(connection, connection.input(), connection.output(), (r, c) -> containers.execResize(execId, r, c));
                    }
                });
                if (end == TerminalRelay.End.DETACHED) return "detached from the " + shell + " in " + name + " (it keeps running)";
                JsonNode exec = containers.execInspect(execId);
                return shell + " in " + name + " ended" + (exec.path("Running").asBoolean() ? "" : " with " + exec.path("ExitCode").asInt());
            }
            JsonNode config = containers.inspect(id, false).path("Config");
            if (!config.path("Tty").asBoolean()) return attachWithoutTty(containers, id, name, config.path("OpenStdin").asBoolean());
            TerminalRelay.End end = host.lend(() -> {
                try (HijackedConnection connection = containers.attachInteractive(id, true, detachKeys)) {
                    WindowSize size = WindowSize.of(1);
                    resizeQuietly(() -> containers.resize(id, size.rows(), size.cols()));
                    return relay(connection, connection.input(), connection.output(), (r, c) -> containers.resize(id, r, c));
                }
            });
            return end == TerminalRelay.End.DETACHED ? "detached from " + name + " (it keeps running)" : "attach to " + name + " ended";
        } catch (IOException | RuntimeException e) {
            return "could not open a session in " + name + ": " + PlainWords.plain(e);
        }
    }

    /**
     * As docker attach does it for a container without a TTY: the terminal keeps its own line
     * discipline ({@link dev.purser.pty.Termios#lineByLine}), so a line is echoed, newline and
     * all, before it goes to the container's stdin (only when it has OpenStdin); Ctrl-C is
     * docker's sig-proxy, a SIGINT sent to the container; Ctrl-D on an empty line ends the input,
     * and the daemon then ends the attach (or closes the stdin of a StdinOnce container). The
     * detach keys are seen at once: their last key ends a line too.
     */
    private String attachWithoutTty(Containers containers, String id, String name, boolean stdin) throws IOException {
        DetachKeys keys = DetachKeys.fromOption(detachKeys);
        byte[] sequence = keys.bytes();
        int last = sequence[sequence.length - 1] & 0xff;
        AtomicBoolean inputEnded = new AtomicBoolean();
        TerminalRelay.End end;
        // the proxy holds INT from before the terminal makes Ctrl-C a signal until after it no longer does
        try (SignalProxy proxy = SignalProxy.forward(List.of("INT"), signal -> containers.kill(id, "SIG" + signal))) {
            end = host.lend(t -> t.lineByLine(last < 0x20 ? last : 0), () -> {
                // the terminal shows what was there before the dashboard, or the last attach:
                // lines typed now would be written over that, mixed with its characters
                OutputStream screen = new FileOutputStream(FileDescriptor.out);
                screen.write(CLEAR_SCREEN);
                screen.flush();
                try (HijackedConnection connection = containers.attachInteractive(id, stdin, detachKeys)) {
                    // without stdin the daemon has nothing to end: the end of input ends the attach here
                    Runnable inputEnd = stdin ? connection::shutdownOutput : connection::close;
                    return relay(connection, StreamDemux.merged(connection.input()),
                            stdin ? connection.output() : OutputStream.nullOutputStream(), (r, c) -> { }, () -> {
                                inputEnded.set(true);
                                inputEnd.run();
                            });
                }
            });
        }
        if (end == TerminalRelay.End.DETACHED) return "detached from " + name + " (it keeps running)";
        if (!inputEnded.get()) return "attach to " + name + " ended";
        boolean running = containers.inspect(id, false).path("State").path("Running").asBoolean();
        return "attach to " + name + " ended at the end of input" + (running ? " (it keeps running)" : "");
    }

    private TerminalRelay.End relay(HijackedConnection connection, InputStream remoteIn, OutputStream remoteOut,
                                    java.util.function.BiConsumer<Integer, Integer> resize) throws IOException {
        return relay(connection, remoteIn, remoteOut, resize, connection::shutdownOutput);
    }

    /**
     * Relays the terminal to {@code remoteOut} and {@code remoteIn} to the terminal until the
     * session ends; SIGWINCH goes to {@code resize} meanwhile (and not to Lanterna); {@code
     * inputEnd} runs when the terminal's input ends.
     */
    private TerminalRelay.End relay(HijackedConnection connection, InputStream remoteIn, OutputStream remoteOut,
                                    java.util.function.BiConsumer<Integer, Integer> resize, Runnable inputEnd) throws IOException {
        OutputStream screen = new FileOutputStream(FileDescriptor.out);
        StoppableInput keys = StoppableInput.of(0);
        try (WindowWatcher watcher = WindowWatcher.watch(1, size -> resizeQuietly(() -> resize.accept(size.rows(), size.cols())));
             TerminalRelay relay = TerminalRelay.start(keys, screen, remoteIn, remoteOut,
                     RelayOptions.plain().detachOn(DetachKeys.fromOption(detachKeys)).onLocalEnd(inputEnd))) {
            return relay.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return TerminalRelay.End.STOPPED;
        } finally {
            keys.close();
        }
    }

    /** The first configured shell that runs in the container: each is tried with {@code -c exit}. */
    private String firstShell(Containers containers, String id) {
        for (String shell : shells) {
            ObjectNode body = client.engine().json().createObjectNode();
            body.put("AttachStdout", true).put("AttachStderr", true).put("Tty", false);
            body.putArray("Cmd").add(shell).add("-c").add("exit 0");
            String probe = containers.execCreate(id, body);
            try (Response output = containers.execStart(probe, false, false)) {
                output.body().transferTo(OutputStream.nullOutputStream());
            } catch (IOException | RuntimeException e) {
                continue;
            }
            if (exitCode(containers, probe) == 0) return shell;
        }
        return null;
    }

    /** An exec's exit code; the daemon may record it a moment after its stream ends. */
    private static int exitCode(Containers containers, String execId) {
        long deadline = System.nanoTime() + 2_000_000_000L;
        JsonNode inspect = containers.execInspect(execId);
        while (inspect.path("Running").asBoolean() && System.nanoTime() < deadline) {
            Thread.onSpinWait();
            inspect = containers.execInspect(execId);
        }
        return inspect.path("ExitCode").asInt(-1);
    }

    private static void resizeQuietly(Runnable resize) {
        try {
            resize.run();
        } catch (RuntimeException e) {
            // a resize racing the container's exit changes nothing
        }
    }
}
