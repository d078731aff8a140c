package dev.purser.engine.api;

import dev.purser.engine.Engine;
import dev.purser.engine.cgroup.CgroupVersion;
import dev.purser.engine.container.RemovalStep;
import dev.purser.engine.network.BridgeOptions;
import dev.purser.engine.network.Ipv4Cidr;
import dev.purser.engine.store.StateRoot;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code purser daemon}: opens the engine on its state root and serves the API until SIGTERM
 * or SIGINT, then stops every container with its grace period and removes the socket.
 */
public final class Daemon {
    public static final Path DEFAULT_SOCKET = Path.of("/run/purser/purser.sock");
    public static final String DEFAULT_CGROUP_PARENT = "purser";
    /** The running daemon's pid, in its state root while it runs. */
    public static final String PID_FILE = "daemon.pid";
    /** The system property a test sets to a file whose creation lets the engine open ({@link #holdIfAsked}). */
    public static final String HOLD_PROPERTY = "purser.test.hold-engine-open-until";
    /** As {@link #HOLD_PROPERTY}, for the end of the crash recovery: reads are served, the rest is held. */
    public static final String HOLD_RECOVERY_PROPERTY = "purser.test.hold-recovery-until";
    /** The system property a test sets to a file whose creation lets the API server start (the early listener answers until then). */
    public static final String HOLD_SERVER_PROPERTY = "purser.test.hold-server-start-until";

    /**
     * Where and how the daemon runs. {@code cgroupVersion} null: the host's usual hierarchy;
     * {@code hostGatewayIp} null: not given (the default bridge's gateway).
     */
    public record Options(StateRoot root, Path socket, String cgroupParent, CgroupVersion cgroupVersion, BridgeOptions bridge,
                          String hostGatewayIp) {
        public Options(StateRoot root, Path socket, String cgroupParent) {
            this(root, socket, cgroupParent, null);
        }

        public Options(StateRoot root, Path socket, String cgroupParent, CgroupVersion cgroupVersion) {
            this(root, socket, cgroupParent, cgroupVersion, BridgeOptions.defaults(), null);
        }
    }

    private Daemon() {}

    /**
     * {@code purser daemon [--root DIR] [-H unix:///path] [--cgroup-parent NAME] [--cgroup-version 1|2] [--host-gateway-ip IP]};
     * PURSER_ROOT and PURSER_HOST are the defaults for the first two. {@code --cgroup-version 2}
     * uses the unified hierarchy even on a hybrid host (where it has no controllers, so limits are refused).
     */
    public static void main(String[] args) throws IOException, InterruptedException {
        String root = envOr("PURSER_ROOT", StateRoot.DEFAULT.toString());
        String host = envOr("PURSER_HOST", "unix://" + DEFAULT_SOCKET);
        String cgroupParent = DEFAULT_CGROUP_PARENT;
        CgroupVersion cgroupVersion = null;
        String hostGatewayIp = null;
        BridgeOptions bridge = BridgeOptions.defaults();
        java.util.Map<String, Boolean> bridgeFlags = new java.util.HashMap<>();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            String boolFlag = a.contains("=") ? a.substring(0, a.indexOf('=')) : a;
            if (boolFlag.equals("--ip-forward") || boolFlag.equals("--iptables") || boolFlag.equals("--icc")) {
                // Go's boolean flags: --iptables, --iptables=false; never the next argument
                boolean on = !a.contains("=") || parseBoolean(boolFlag, a.substring(a.indexOf('=') + 1));
                bridgeFlags.put(boolFlag, on);
                continue;
            }
            String value = a.contains("=") ? a.substring(a.indexOf('=') + 1) : (i + 1 < args.length ? args[i + 1] : null);
            String flag = a.contains("=") ? a.substring(0, a.indexOf('=')) : a;
            switch (flag) {
                case "--root", "--data-root" -> root = value;
                case "-H", "--host" -> host = value;
                case "--cgroup-parent" -> cgroupParent = value;
                case "--host-gateway-ip" -> hostGatewayIp = hostGatewayIp(value);
                case "--cgroup-version" -> cgroupVersion = switch (String.valueOf(value)) {
                    case "1" -> CgroupVersion.V1;
                    case "2" -> CgroupVersion.V2;
                    default -> throw new IllegalArgumentException("--cgroup-version must be 1 or 2, not " + value);
                };
                case "--bip" -> bridge = bridge.withBip(Ipv4Cidr.parse(String.valueOf(value)));
                case "--fixed-cidr" -> bridge = bridge.withFixedCidr(Ipv4Cidr.parse(String.valueOf(value)));
                case "--mtu" -> bridge = bridge.withMtu(parseMtu(value));
                default -> throw new IllegalArgumentException("unknown flag: " + a);
            }
            if (!a.contains("=")) {
                i++;
            }
        }
        if (host != null && host.startsWith("/")) {
            host = "unix://" + host; // as purser's -H: a path is a Unix socket
        }
        if (host == null || !host.startsWith("unix://")) {
            throw new IllegalArgumentException("only unix:// hosts are supported, not " + host);
        }
        // together, once all are read: --icc=false needs iptables, whichever comes first
        bridge = new BridgeOptions(bridge.bridgeName(), bridge.bip(), bridge.fixedCidr(), bridge.mtu(),
                bridgeFlags.getOrDefault("--ip-forward", bridge.ipForward()), bridgeFlags.getOrDefault("--iptables", bridge.iptables()),
                bridgeFlags.getOrDefault("--icc", bridge.icc()));
        if (bridge.fixedCidr() != null && bridge.bip() != null && !bridge.bip().subnet().contains(bridge.fixedCidr().subnet())) {
            throw new IllegalArgumentException("--fixed-cidr " + bridge.fixedCidr() + " is not inside --bip " + bridge.bip());
        }
        run(new Options(new StateRoot(Path.of(root)), Path.of(host.substring("unix://".length())), cgroupParent, cgroupVersion,
                bridge, hostGatewayIp));
    }

    /** dockerd's check: an IP address, or the daemon does not start. */
    private static String hostGatewayIp(String value) {
        try {
            return dev.purser.engine.network.IpLiteral.parse(String.valueOf(value)).toString();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("invalid argument \"" + value + "\" for \"--host-gateway-ip\" flag: " + e.getMessage());
        }
    }

    private static boolean parseBoolean(String flag, String value) {
        return switch (value) {
            case "true", "1", "t", "T", "TRUE", "True" -> true;
            case "false", "0", "f", "F", "FALSE", "False" -> false;
            default -> throw new IllegalArgumentException("invalid boolean value \"" + value + "\" for " + flag);
        };
    }

    private static int parseMtu(String value) {
        try {
            return Integer.parseInt(String.valueOf(value));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("invalid argument \"" + value + "\" for \"--mtu\" flag: parse error");
        }
    }

    private static String envOr(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isEmpty() ? fallback : v;
    }

    /** Runs until the process is told to stop. */
    public static void run(Options options) throws IOException, InterruptedException {
        Files.createDirectories(options.root().root());
        try (FileChannel lockFile = FileChannel.open(options.root().root().resolve("daemon.lock"),
                StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            FileLock lock = lockFile.tryLock();
            if (lock == null) {
                throw new IllegalStateException("another purser daemon is using " + options.root().root());
            }
            // as dockerd's --pidfile: what `kill $(cat <root>/daemon.pid)` stops (README); there
            // before the socket answers, so whoever got an answer can stop the daemon
            Path pidFile = options.root().root().resolve(PID_FILE);
            writePidFile(pidFile);
            // /_ping is answered from here on, before Netty, the logger or the engine are loaded (decision 0055)
            EarlyListener early = EarlyListener.open(options.socket());
            CompletableFuture<ApiServer> serving = new CompletableFuture<>();
            // The engine opens (state, restart policies, then the rest of the crash recovery) while
            // the socket already answers /_ping; reads wait for the state, the rest for the
            // recovery (ReadinessGate, decisions 0040, 0058).
            CompletableFuture<Engine> opening = new CompletableFuture<>();
            CompletableFuture<Void> recovered = new CompletableFuture<>();
            CountDownLatch stopped = new CountDownLatch(1);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                log().info("shutting down: stopping containers");
                closeQuietly(early);
                // a server still starting is waited for, then closed
                ApiServer server = serving.handle((started, failure) -> started).join();
                if (server != null) {
                    server.close();
                }
                // an engine still opening is waited for: it may be starting containers by policy,
                // or removing what a crash left
                opening.handle((engine, failure) -> engine).join();
                recovered.handle((done, failure) -> done).join();
                if (opening.isDone() && !opening.isCompletedExceptionally()) {
                    opening.join().close();
                }
                try {
                    Files.deleteIfExists(pidFile);
                } catch (IOException e) {
                    log().warn("could not remove {}: {}", pidFile, e.getMessage());
                }
                log().info("stopped");
                stopped.countDown();
            }, "shutdown"));
            Path spool = options.root().tmp().resolve("api");
            deleteChildren(spool);
            CompletableFuture<Router> routes = new CompletableFuture<>();
            Thread opener = new Thread(() -> {
                try {
                    holdIfAsked(HOLD_PROPERTY);
                    Engine engine = Engine.load(options.root(), options.cgroupParent(), options.cgroupVersion(),
                            options.bridge(), options.hostGatewayIp(), RemovalStep.haltingAtPropertyStep());
                    opening.complete(engine);
                    Router all = EngineApi.routes(engine);
                    // said before the gate lets reads go, so whoever got an answer from the engine finds it in the log
                    log().info("purser daemon {} ready (root {}, API {})", SystemApi.VERSION, options.root().root(), Exchange.API_VERSION);
                    routes.complete(all);
                    holdIfAsked(HOLD_RECOVERY_PROPERTY);
                    engine.finishRecovery();
                    recovered.complete(null);
                } catch (Throwable t) {
                    opening.completeExceptionally(t);
                    routes.completeExceptionally(t);
                    recovered.completeExceptionally(t);
                }
            }, "engine-open");
            opener.start();
            ReadinessGate gate = ReadinessGate.pending(routes, recovered);
            ApiServer server;
            try {
                holdIfAsked(HOLD_SERVER_PROPERTY);
                server = ApiServer.start(gate, options.socket(), spool);
            } catch (IOException | RuntimeException | InterruptedException e) {
                serving.completeExceptionally(e);
                throw e;
            }
            serving.complete(server);
            early.handOver();
            try {
                recovered.join();
            } catch (CompletionException e) {
                // held requests have had their 500; the daemon does not serve without its state
                log().error("opening the engine on {} failed: {}", options.root().root(), e.getCause().toString());
                gate.settled().join();
                // a request the early listener took relays to the server only after the hand-over
                early.awaitConnectionsEnded(java.time.Duration.ofSeconds(10));
                server.finishServing(java.time.Duration.ofSeconds(10));
                server.close(); // its event loops would keep the JVM alive
                closeQuietly(early);
                if (e.getCause() instanceof RuntimeException r) {
                    throw r;
                }
                throw e;
            }
            stopped.await();
        }
    }

    /**
     * Writes this process's pid under a fixed temporary name, renamed into place: the daemon's lock
     * is held, so no other process writes it. Not {@code AtomicFile}: its unique temporary name
     * costs the security providers and a seeded random generator, on the way to the socket's
     * first answer (docs/decisions/0055); and no fsync: after a crash the pid is stale anyway.
     */
    private static void writePidFile(Path pidFile) throws IOException {
        Path partial = pidFile.resolveSibling(PID_FILE + ".partial");
        Files.write(partial, (ProcessHandle.current().pid() + "\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        Files.move(partial, pidFile, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    /**
     * The logger, got when first used, not as this class loads: Logback's set-up is not on the
     * way to the socket's first answer.
     */
    private static Logger log() {
        return LoggerFactory.getLogger(Daemon.class);
    }

    private static void closeQuietly(EarlyListener early) {
        try {
            early.close();
        } catch (IOException e) {
            log().debug("closing the early listener: {}", e.getMessage());
        }
    }

    /**
     * A test of the readiness gate sets {@value #HOLD_PROPERTY} to a file: the engine starts
     * opening once that file exists, so the test knows its request came while the engine was not
     * open yet; {@value #HOLD_SERVER_PROPERTY} does the same for the API server's start, so a test
     * knows its connection was the early listener's, and {@value #HOLD_RECOVERY_PROPERTY} for the
     * end of the crash recovery, so a test knows its read came before it. Without the property,
     * nothing waits.
     */
    private static void holdIfAsked(String property) throws InterruptedException {
        String file = System.getProperty(property);
        if (file == null || file.isEmpty()) {
            return;
        }
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.MINUTES.toNanos(5);
        while (!Files.exists(Path.of(file)) && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
    }

    private static void deleteChildren(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (var entries = Files.list(dir)) {
            for (Path p : entries.toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
