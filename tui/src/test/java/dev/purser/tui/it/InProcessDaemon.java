package dev.purser.tui.it;

import dev.purser.engine.Engine;
import dev.purser.engine.api.ApiServer;
import dev.purser.engine.api.EngineApi;
import dev.purser.engine.container.Container;
import dev.purser.engine.store.StateRoot;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import dev.purser.tui.Purser;

/**
 * A real purser engine on a fresh state root, served on its own Unix socket in this JVM, and the
 * purser CLI run in-process against it. Needs root. Closing it stops and removes every container.
 */
final class InProcessDaemon implements AutoCloseable {
    private final Path root;
    private final Engine engine;
    private final ApiServer server;

    private InProcessDaemon(Path root, Engine engine, ApiServer server) {
        this.root = root;
        this.engine = engine;
        this.server = server;
    }

    static InProcessDaemon start() {
        try {
            Path root = Files.createDirectories(Path.of("/tmp/purser-tui-it", UUID.randomUUID().toString().substring(0, 8)));
            Engine engine = Engine.open(new StateRoot(root), "purser-it");
            ApiServer server = ApiServer.start(EngineApi.routes(engine), root.resolve("purser.sock"), root.resolve("tmp/api"));
            return new InProcessDaemon(root, engine, server);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    Path root() {
        return root;
    }

    Path socket() {
        return server.socket();
    }

    String host() {
        return "unix://" + socket();
    }

    /** Writes the busybox rootfs tar under the root and imports it as busybox:latest with {@code purser import}. */
    Result importBusybox() {
        try {
            Path tar = root.resolve("busybox-rootfs.tar");
            Files.write(tar, dev.purser.engine.testing.BusyboxImage.rootfsTar());
            return purser("import", tar.toString(), "busybox:latest");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What a command printed and how it exited. */
    record Result(int exitCode, String out, String err) {
        String outLine() {
            return out.strip();
        }
    }

    Result purser(String... args) {
        return purser(InputStream.nullInputStream(), args);
    }

    /** Runs {@code purser -H unix://<socket> args...} in this JVM with {@code stdin}, never a terminal. */
    Result purser(InputStream stdin, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = run(stdin, out, err, args);
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private int run(InputStream stdin, java.io.OutputStream out, ByteArrayOutputStream err, String... args) {
        List<String> all = new ArrayList<>(List.of("-H", host()));
        all.addAll(List.of(args));
        Map<String, String> env = new HashMap<>(System.getenv());
        env.put("PURSER_AUTOSTART", "0");
        env.remove("PURSER_HOST");
        return Purser.run(all.toArray(String[]::new), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), stdin, env, false);
    }

    /** A purser command running in a thread of its own, its stdout watched as it comes. */
    record Running(Thread thread, dev.purser.engine.testing.WatchedOutput out, java.util.concurrent.CompletableFuture<Integer> exitCode) {}

    /** Starts {@code purser args...} in a thread of its own and returns at once. */
    Running purserInBackground(String... args) {
        try {
            java.io.PipedInputStream in = new java.io.PipedInputStream(1 << 16);
            java.io.PipedOutputStream pipe = new java.io.PipedOutputStream(in);
            var exitCode = new java.util.concurrent.CompletableFuture<Integer>();
            var out = dev.purser.engine.testing.WatchedOutput.of(in);
            Thread t = new Thread(() -> {
                try (pipe) {
                    exitCode.complete(run(InputStream.nullInputStream(), pipe, new ByteArrayOutputStream(), args));
                } catch (IOException | RuntimeException e) {
                    exitCode.completeExceptionally(e);
                }
            }, "purser " + String.join(" ", args));
            t.setDaemon(true);
            t.start();
            return new Running(t, out, exitCode);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Raw bytes of stdout, for {@code save} to stdout. */
    byte[] purserBytes(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = run(InputStream.nullInputStream(), out, err, args);
        if (code != 0) throw new IllegalStateException("purser " + String.join(" ", args) + " exited " + code + ": " + err);
        return out.toByteArray();
    }

    @Override
    public void close() {
        server.close();
        engine.close();
        for (Container c : engine.containers().list()) {
            try {
                engine.containers().remove(c.id(), true);
            } catch (RuntimeException e) {
                // best effort: a test may have removed it already
            }
        }
    }
}
