package dev.purser.engine.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.purser.engine.Engine;
import dev.purser.engine.cgroup.CgroupVersion;
import dev.purser.engine.container.Container;
import dev.purser.engine.container.ContainerConfig;
import dev.purser.engine.container.CreateRequest;
import dev.purser.engine.container.HostConfig;
import dev.purser.engine.store.StateRoot;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * An engine on a fresh state root with a busybox image, for integration tests. Needs root.
 * Closing it stops every container and removes them, so no mount or cgroup outlives a test class.
 */
public final class TestEngine implements AutoCloseable {
    public static final String IMAGE = "busybox:latest";

    private final Engine engine;
    private final Path root;

    private TestEngine(Engine engine, Path root) {
        this.engine = engine;
        this.root = root;
    }

    public static TestEngine start() {
        return onCgroup(null);
    }

    /** On the given cgroup version ({@code null}: the host's usual one); V2 works on a hybrid host too. */
    public static TestEngine onCgroup(CgroupVersion cgroupVersion) {
        return open(cgroupVersion, null);
    }

    /** As a daemon started with {@code --host-gateway-ip ip}. */
    public static TestEngine withHostGatewayIp(String ip) {
        return open(null, ip);
    }

    /** With the default bridge set up as {@code bridge} says (a bridge of the test's own, for options that change the host's rules). */
    public static TestEngine withBridge(dev.purser.engine.network.BridgeOptions bridge) {
        return open(null, null, bridge);
    }

    private static TestEngine open(CgroupVersion cgroupVersion, String hostGatewayIp) {
        return open(cgroupVersion, hostGatewayIp, dev.purser.engine.network.BridgeOptions.defaults());
    }

    private static TestEngine open(CgroupVersion cgroupVersion, String hostGatewayIp, dev.purser.engine.network.BridgeOptions bridge) {
        try {
            Path root = Files.createDirectories(Path.of("/tmp/purser-it", UUID.randomUUID().toString().substring(0, 8)));
            Engine engine = Engine.open(new StateRoot(root), "purser-it", cgroupVersion, bridge, hostGatewayIp);
            engine.images().importRootfs(new ByteArrayInputStream(BusyboxImage.rootfsTar()), IMAGE, List.of(), "");
            return new TestEngine(engine, root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Engine engine() {
        return engine;
    }

    public Path root() {
        return root;
    }

    public static ContainerConfig config(String... cmd) {
        return new ContainerConfig(null, null, null, false, true, true, false, false, false, List.of(),
                cmd.length == 0 ? null : Arrays.asList(cmd), IMAGE, null, null, null, null, null, null);
    }

    public Container create(ContainerConfig config, HostConfig host) {
        return engine.containers().create(new CreateRequest(null, config, host));
    }

    /** Creates and starts a container running {@code cmd}, with default settings. */
    public Container start(String... cmd) {
        Container c = create(config(cmd), null);
        engine.containers().start(c.id());
        return c;
    }

    /** Runs to completion and returns the exit code. */
    public int runToExit(Container c) {
        engine.containers().start(c.id());
        return awaitExit(c);
    }

    public int awaitExit(Container c) {
        try {
            return engine.containers().waitNotRunning(c.id()).get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("container " + c.id() + " did not exit", e);
        }
    }

    /** Everything the container wrote to stdout and stderr, decoded from its json-file log. */
    public String logs(Container c) {
        return logs(c, null);
    }

    public String logs(Container c, String stream) {
        Container now = engine.containers().get(c.id());
        Path log = Path.of(now.logPath());
        if (!Files.exists(log)) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        ObjectMapper json = new ObjectMapper();
        try {
            for (String line : Files.readAllLines(log)) {
                JsonNode record = json.readTree(line);
                if (stream == null || stream.equals(record.get("stream").asText())) {
                    out.append(record.get("log").asText());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /**
     * Waits, up to 30 s, until the container's log contains {@code text} (a script saying it has
     * installed its trap, say); fails when it never does.
     */
    public void awaitLog(Container c, String text) {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(30);
        while (!logs(c).contains(text)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the log of " + c.id() + " never showed \"" + text + "\"; it is: " + logs(c));
            }
            java.util.concurrent.locks.LockSupport.parkNanos(20_000_000);
        }
    }

    /** Output of a command run to completion in a new container. */
    public String output(String... cmd) {
        Container c = create(config(cmd), null);
        runToExit(c);
        return logs(c);
    }

    @Override
    public void close() {
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
