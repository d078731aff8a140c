package dev.purser.engine.testing;

import dev.purser.engine.api.ApiServer;
import dev.purser.engine.api.EdgeLimits;
import dev.purser.engine.api.EngineApi;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A test engine served on its own Unix socket, as {@code purser daemon} serves it, and a way
 * to run the stock docker CLI against it.
 */
public final class TestDaemon implements AutoCloseable {
    private final TestEngine engine;
    private final ApiServer server;

    private TestDaemon(TestEngine engine, ApiServer server) {
        this.engine = engine;
        this.server = server;
    }

    public static TestDaemon start() {
        return start(EdgeLimits.forThisHeap());
    }

    /** A daemon that closes a request whose bytes stop coming after {@code requestDeadline} of silence. */
    public static TestDaemon start(Duration requestDeadline) {
        return start(EdgeLimits.forThisHeap().withRequestDeadline(requestDeadline));
    }

    public static TestDaemon start(EdgeLimits limits) {
        return serve(TestEngine.start(), limits);
    }

    /** A daemon started with {@code --host-gateway-ip ip}. */
    public static TestDaemon withHostGatewayIp(String ip) {
        return serve(TestEngine.withHostGatewayIp(ip), EdgeLimits.forThisHeap());
    }

    /** A daemon whose default bridge is set up as {@code bridge} says (a bridge of the test's own). */
    public static TestDaemon withBridge(dev.purser.engine.network.BridgeOptions bridge) {
        return serve(TestEngine.withBridge(bridge), EdgeLimits.forThisHeap());
    }

    private static TestDaemon serve(TestEngine engine, EdgeLimits limits) {
        try {
            ApiServer server = ApiServer.start(EngineApi.routes(engine.engine()), engine.root().resolve("purser.sock"),
                    engine.root().resolve("tmp/api"), limits);
            return new TestDaemon(engine, server);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public TestEngine engine() {
        return engine;
    }

    public Path socket() {
        return server.socket();
    }

    /** What a command printed and how it exited. */
    public record Result(int exitCode, String out, String err) {
        public String outLine() {
            return out.strip();
        }
    }

    /** Runs the docker CLI with DOCKER_HOST pointing at this daemon. */
    public Result docker(String... args) {
        return docker(null, args);
    }

    public Result docker(byte[] stdin, String... args) {
        List<String> command = new ArrayList<>();
        command.add("docker");
        command.addAll(List.of(args));
        return run(stdin, command);
    }

    /** Starts the docker CLI against this daemon and leaves it running, its stderr merged into stdout. */
    public Process dockerInBackground(String... args) {
        List<String> command = new ArrayList<>();
        command.add("docker");
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        environment(pb);
        try {
            Process p = pb.start();
            p.getOutputStream().close();
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs a shell pipeline in which {@code docker} talks to this daemon, in a scratch directory. */
    public Result shell(String script) {
        return run(null, List.of("sh", "-c", "cd '" + engine.root() + "' && " + script));
    }

    private Result run(byte[] stdin, List<String> command) {
        String[] args = command.toArray(String[]::new);
        ProcessBuilder pb = new ProcessBuilder(command);
        environment(pb);
        try {
            Process p = pb.start();
            if (stdin != null) {
                p.getOutputStream().write(stdin);
            }
            p.getOutputStream().close();
            // both streams are read by threads of their own, so a command that hangs with them
            // open still meets the timeout below
            var out = new java.io.ByteArrayOutputStream();
            var err = new java.io.ByteArrayOutputStream();
            Thread outReader = drain(p.getInputStream(), out);
            Thread errReader = drain(p.getErrorStream(), err);
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException(String.join(" ", args) + " did not finish within 120 s; stderr so far: "
                        + err.toString(StandardCharsets.UTF_8));
            }
            // a child the command left behind may hold the pipes open: the output is what came until then
            outReader.join(10_000);
            errReader.join(10_000);
            return new Result(p.exitValue(), out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void environment(ProcessBuilder pb) {
        pb.environment().put("DOCKER_HOST", "unix://" + socket());
        pb.environment().put("DOCKER_CONFIG", engine.root().resolve("docker-config").toString());
        pb.environment().remove("DOCKER_CONTEXT");
    }

    private static Thread drain(java.io.InputStream from, java.io.ByteArrayOutputStream to) {
        Thread reader = new Thread(() -> {
            byte[] buffer = new byte[8192];
            try {
                for (int n; (n = from.read(buffer)) >= 0; ) {
                    to.write(buffer, 0, n);   // ByteArrayOutputStream is synchronized
                }
            } catch (IOException ignored) {
                // the process is gone
            }
        });
        reader.setDaemon(true);
        reader.start();
        return reader;
    }

    @Override
    public void close() {
        server.close();
        engine.close();
    }
}
