package dev.purser.tui.client;

import java.io.Closeable;
import java.io.PrintStream;
import java.nio.file.Path;

/**
 * The way in for the CLI and the dashboard: finds the daemon (starting purser's own when its
 * socket is silent) and hands out the endpoint groups. Nothing here is purser-only, so the same
 * client manages a real dockerd.
 */
public final class PurserClient implements Closeable {
    private final EngineConnection engine;
    private final Containers containers;
    private final Images images;
    private final SystemApi system;
    private final Volumes volumes;
    private final Networks networks;

    private PurserClient(EngineConnection engine) {
        this.engine = engine;
        this.containers = new Containers(engine);
        this.images = new Images(engine);
        this.system = new SystemApi(engine);
        this.volumes = new Volumes(engine);
        this.networks = new Networks(engine);
    }

    /**
     * Connects to the daemon in {@code settings}. When purser's own socket does not answer, starts
     * the daemon and waits for it, showing progress on {@code status}.
     */
    public static PurserClient connect(ClientSettings settings, PrintStream status, boolean interactive) {
        return connect(settings, status, () -> interactive);
    }

    /** As above; {@code interactive} is asked only when a daemon has to be started. */
    public static PurserClient connect(ClientSettings settings, PrintStream status, java.util.function.BooleanSupplier interactive) {
        if (!settings.isUnixSocket()) return new PurserClient(new EngineConnection(settings.host()));
        SocketProbe.State state = SocketProbe.probe(Path.of(settings.socketPath()));
        BuildMismatchNote note = new BuildMismatchNote(settings.host(), status, OwnBuild.of(PurserClient.class, System.getenv()));
        switch (state) {
            case ANSWERS:
                return new PurserClient(new EngineConnection(settings.host(), note));
            case PERMISSION_DENIED:
                throw DaemonUnavailableException.permissionDenied(settings.host());
            default:
                if (!settings.mayStartDaemon()) throw DaemonUnavailableException.notRunning(settings.host());
        }
        PurserClient client = new PurserClient(new EngineConnection(settings.host(), note));
        new DaemonLauncher(settings, status, interactive).startAndWait(() ->
                SocketProbe.probe(Path.of(settings.socketPath())) == SocketProbe.State.ANSWERS && client.system.ping());
        return client;
    }

    public Containers containers() {
        return containers;
    }

    public Images images() {
        return images;
    }

    public Volumes volumes() {
        return volumes;
    }

    public Networks networks() {
        return networks;
    }

    public SystemApi system() {
        return system;
    }

    public EngineConnection engine() {
        return engine;
    }

    @Override
    public void close() {
        engine.close();
    }
}
