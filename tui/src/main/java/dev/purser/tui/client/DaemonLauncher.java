package dev.purser.tui.client;

import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * Starts {@code purser daemon} in the background when purser's own socket does not answer, so a
 * user never has to start anything by hand. The daemon runs from the same java as this process and
 * a copy of its jar that a rebuild cannot change, in its own session (setsid) so closing the terminal does not stop it, and logs to
 * {@code <root>/daemon.log}.
 */
public final class DaemonLauncher {
    static final String DAEMON_ENTRY_POINT = "dev.purser.engine.api.DaemonProcess";
    private static final long WAIT_MILLIS = 15_000;
    private static final long SPINNER_AFTER_MILLIS = 500;
    private static final String SPINNER = "⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏";

    private final ClientSettings settings;
    private final PrintStream status;
    /**
     * Whether the status stream is a terminal, asked only once a spinner is due: the question
     * binds jnr-ffi, ~190 ms of a cold JVM, which a daemon ready within the first half-second
     * should not cost its first command.
     */
    private final BooleanSupplier interactive;

    public DaemonLauncher(ClientSettings settings, PrintStream status, BooleanSupplier interactive) {
        this.settings = settings;
        this.status = status;
        this.interactive = interactive;
    }

    /**
     * The command line that runs the daemon with this process's java and class path; a class
     * path that is one jar is replaced by its copy under the state root ({@link DaemonJar}).
     */
    public List<String> command() {
        String java = ProcessHandle.current().info().command()
                .orElse(System.getProperty("java.home") + File.separator + "bin" + File.separator + "java");
        List<String> cmd = new ArrayList<>();
        if (Files.isExecutable(Path.of("/usr/bin/setsid"))) cmd.add("/usr/bin/setsid");
        cmd.add(java);
        cmd.addAll(settings.daemonJvmOptions());
        String classPath = System.getProperty("java.class.path");
        java.util.Optional<Path> copy = DaemonJar.ofThisProcess(classPath).map(jar -> DaemonJar.copyUnder(Path.of(settings.root()), jar));
        if (copy.isPresent() && settings.daemonArchive()) {
            cmd.addAll(DaemonArchive.of(copy.get(), java).jvmOptions());
        }
        cmd.add("-cp");
        cmd.add(copy.map(Path::toString).orElse(classPath));
        // the engine's own entry point: the CLI in front of it would cost the start-up its
        // command model and configuration (docs/decisions/0040)
        cmd.add(DAEMON_ENTRY_POINT);
        cmd.add("--root");
        cmd.add(settings.root());
        cmd.add("--host");
        cmd.add(settings.host());
        return cmd;
    }

    /** Starts the daemon and waits until {@code ready} says it answers; throws when it never does. */
    public void startAndWait(BooleanSupplier ready) {
        Path log = Path.of(settings.root(), "daemon.log");
        try {
            Files.createDirectories(log.getParent());
            ProcessBuilder daemon = new ProcessBuilder(command())
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .redirectErrorStream(true);
            // two malloc arenas, not one per thread that ever allocated: decision 0041
            daemon.environment().putIfAbsent("MALLOC_ARENA_MAX", "2");
            daemon.start();
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new DaemonUnavailableException("Cannot start the purser daemon (" + e.getMessage() + ")."
                    + " Start it with 'purser daemon' or point PURSER_HOST at a running one.");
        }
        long start = System.currentTimeMillis();
        int shown = -1;
        boolean spinning = false;
        Boolean toTerminal = null;
        try {
            while (System.currentTimeMillis() - start < WAIT_MILLIS) {
                if (ready.getAsBoolean()) return;
                long waited = System.currentTimeMillis() - start;
                if (waited > SPINNER_AFTER_MILLIS) {
                    if (toTerminal == null) {
                        toTerminal = interactive.getAsBoolean();
                    }
                    int frame = (int) (waited / 100) % SPINNER.length(); // a frame every 100 ms
                    if (toTerminal && frame != shown) {
                        status.print("\r" + SPINNER.charAt(frame) + " Starting purser daemon...");
                        status.flush();
                        shown = frame;
                    } else if (!toTerminal && !spinning) {
                        status.println("Starting purser daemon...");
                    }
                    spinning = true;
                }
                // the daemon answers /_ping ~150 ms after its spawn: a coarser poll would add to every auto-start
                sleep(20);
            }
        } finally {
            if (spinning && Boolean.TRUE.equals(toTerminal)) {
                status.print("\r\033[K");
                status.flush();
            }
        }
        throw new DaemonUnavailableException("Cannot connect to the purser daemon at " + settings.host()
                + ": it did not start within 15 seconds; see " + log);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DaemonUnavailableException("interrupted while waiting for the purser daemon");
        }
    }
}
