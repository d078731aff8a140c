package dev.purser.engine.container;

import dev.purser.engine.cgroup.Cgroup;
import dev.purser.engine.cgroup.CgroupHierarchy;
import dev.purser.engine.container.naming.ContainerId;
import dev.purser.engine.container.naming.ContainerName;
import dev.purser.engine.container.naming.ContainerRef;
import dev.purser.engine.container.naming.ContainerResolver;
import dev.purser.engine.container.naming.NameGenerator;
import dev.purser.engine.image.Image;
import dev.purser.engine.image.ImageStore;
import dev.purser.engine.image.NoSuchImageException;
import dev.purser.engine.log.ContainerLog;
import dev.purser.engine.proc.ProcessTable;
import dev.purser.engine.runtime.Capabilities;
import dev.purser.engine.runtime.ContainerLaunch;
import dev.purser.engine.runtime.ContainerLaunch.BindMount;
import dev.purser.engine.runtime.Linux;
import dev.purser.engine.runtime.Overlay;
import dev.purser.engine.runtime.ProcessSpec;
import dev.purser.engine.runtime.Signals;
import dev.purser.engine.runtime.StageFailure;
import dev.purser.engine.runtime.StageProcess;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The container operations, with Docker's states and transitions: create, start, stop, kill,
 * restart, pause, unpause, remove, rename, wait, exec, top. Every state change is written
 * through the {@link ContainerStore} before it is visible to callers.
 */
public final class Containers {
    private static final Logger log = LoggerFactory.getLogger(Containers.class);
    private static final String DEFAULT_PATH = "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";
    private static final int DEFAULT_STOP_TIMEOUT_SECONDS = 10;

    private final ContainerStore store;
    private final ImageStore images;
    private final CgroupHierarchy cgroups;
    private final Linux linux;
    private final Path stageBinary;
    private final NameGenerator names = new NameGenerator();
    private final Object lock = new Object();
    private final Map<String, RunningContainer> running = new ConcurrentHashMap<>();
    private final Map<String, CompletableFuture<Integer>> nextExit = new ConcurrentHashMap<>();

    public Containers(ContainerStore store, ImageStore images, CgroupHierarchy cgroups, Linux linux, Path stageBinary) {
        this.store = store;
        this.images = images;
        this.cgroups = cgroups;
        this.linux = linux;
        this.stageBinary = stageBinary;
        reconcile();
    }

    // ---- lookup -------------------------------------------------------------------------

    /** The container a user typed: full id, unique id prefix, or name, with Docker's errors. */
    public Container get(String reference) {
        List<ContainerRef> refs = store.all().stream()
                .map(c -> new ContainerRef(new ContainerId(c.id()), new ContainerName(c.name())))
                .toList();
        String id = new ContainerResolver(refs).resolve(reference).id().value();
        return store.get(id).orElseThrow();
    }

    public List<Container> list() {
        return store.all();
    }

    // ---- create ---------------------------------------------------------------------------

    public Container create(CreateRequest request) {
        String imageRef = request.config().image();
        if (imageRef == null || imageRef.isEmpty()) {
            throw new IllegalArgumentException("No image specified");
        }
        Image image = images.find(imageRef).orElseThrow(() -> new NoSuchImageException(imageRef));
        Capabilities.resolve(request.hostConfig().capAdd(), request.hostConfig().capDrop(),
                request.hostConfig().privileged());
        synchronized (lock) {
            ContainerId id = ContainerId.generate();
            ContainerName name;
            if (request.name() == null || request.name().isEmpty()) {
                name = names.unique(id, n -> nameTaken(n.value()));
            } else {
                name = ContainerName.of(request.name());
                Optional<Container> holder = store.all().stream().filter(c -> c.name().equals(name.value())).findFirst();
                if (holder.isPresent()) {
                    throw new ContainerConflictException("Conflict. The container name \"" + name.value()
                            + "\" is already in use by container \"" + holder.get().id()
                            + "\". You have to remove (or rename) that container to be able to reuse that name.");
                }
            }
            ContainerConfig config = ImageDefaults.merge(request.config(), image.config(), id.shortId());
            List<String> commandLine = config.commandLine();
            if (commandLine.isEmpty()) {
                throw new IllegalArgumentException("No command specified");
            }
            Path dir = store.directory(id.value());
            try {
                Files.createDirectories(dir);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            ContainerFiles.write(dir, config.hostname());
            Container container = new Container(id.value(), now(), commandLine.get(0),
                    commandLine.subList(1, commandLine.size()), ContainerState.created(), image.id(),
                    dir.resolve("resolv.conf").toString(), dir.resolve("hostname").toString(),
                    dir.resolve("hosts").toString(), dir.resolve(id.value() + "-json.log").toString(),
                    name.value(), 0, "overlay2", "linux", config, request.hostConfig());
            store.save(container);
            return container;
        }
    }

    private boolean nameTaken(String name) {
        return store.all().stream().anyMatch(c -> c.name().equals(name));
    }

    /** True when some container was created from the image (Docker refuses to remove it then). */
    public boolean imageInUse(String imageId) {
        return store.all().stream().anyMatch(c -> c.image().equals(imageId));
    }

    // ---- start ----------------------------------------------------------------------------

    public void start(String reference) {
        synchronized (lock) {
            Container c = get(reference);
            if (c.state().paused()) {
                throw new ContainerConflictException("cannot start a paused container, try unpause instead");
            }
            if (running.containsKey(c.id())) {
                return;
            }
            launch(c);
        }
    }

    private void launch(Container c) {
        Image image = images.find(c.image()).orElseThrow(() -> new NoSuchImageException(c.image()));
        Path dir = store.directory(c.id());
        Overlay overlay = Overlay.inContainerDirectory(dir, images.layerDirectories(image));
        Cgroup cgroup = null;
        List<Integer> toClose = new ArrayList<>();
        try {
            overlay.mount(linux);
            cgroup = cgroups.create(c.id());
            cgroup.apply(Resources.of(c.hostConfig()));

            ContainerUser user = ContainerUser.resolve(c.config().user(), overlay.merged());
            ProcessSpec process = new ProcessSpec(
                    command(c), processEnv(c.config().env(), c.config().hostname(), user, c.config().tty()),
                    c.config().workingDir(), user.uid(), user.gid(), user.groups(),
                    Capabilities.resolve(c.hostConfig().capAdd(), c.hostConfig().capDrop(), c.hostConfig().privileged()),
                    c.hostConfig().noNewPrivileges(), false, cgroup.procsFiles(), dir.resolve("exit-code"));
            ContainerLaunch launch = new ContainerLaunch(overlay.merged(), c.config().hostname(),
                    List.of(new BindMount(Path.of(c.resolvConfPath()), "/etc/resolv.conf", false),
                            new BindMount(Path.of(c.hostnamePath()), "/etc/hostname", false),
                            new BindMount(Path.of(c.hostsPath()), "/etc/hosts", false)),
                    c.hostConfig().privileged() ? List.of() : ContainerLaunch.DOCKER_MASKED_PATHS,
                    c.hostConfig().privileged() ? List.of() : ContainerLaunch.DOCKER_READONLY_PATHS,
                    "host".equals(c.hostConfig().networkMode()), process);

            int[] stdin = c.config().openStdin() ? linux.pipe() : new int[] {linux.open("/dev/null", Linux.O_RDONLY), -1};
            toClose.add(stdin[0]);
            int[] stdout = linux.pipe();
            int[] stderr = linux.pipe();
            toClose.add(stdout[1]);
            toClose.add(stderr[1]);
            Files.deleteIfExists(dir.resolve("exit-code"));
            StageProcess stage;
            try {
                stage = StageProcess.launch(linux, stageBinary, launch.arguments(),
                        new int[] {stdin[0], stdout[1], stderr[1]});
            } finally {
                toClose.forEach(linux::close);
                toClose.clear();
            }
            toClose.add(stdout[0]);
            toClose.add(stderr[0]);
            if (stdin[1] >= 0) {
                toClose.add(stdin[1]);
            }
            int pid = await(stage.started());
            toClose.clear();

            RunningContainer rc = new RunningContainer(c.id(), stage, overlay, cgroup, pid, stdin[1]);
            ContainerLog logWriter = ContainerLog.open(Path.of(c.logPath()), c.hostConfig().logConfig().config());
            rc.addListener(logWriter);
            rc.pumps(List.of(
                    new StreamPump(linux, stdout[0], StdStream.STDOUT, rc::deliver, "stdout-" + c.shortId()),
                    new StreamPump(linux, stderr[0], StdStream.STDERR, rc::deliver, "stderr-" + c.shortId())));
            running.put(c.id(), rc);
            store.save(c.withState(c.state().running(pid, now())));
            stage.exited().thenAccept(code -> onExit(c.id(), rc, logWriter, code));
        } catch (StageFailure e) {
            toClose.forEach(linux::close);
            cleanup(overlay, cgroup);
            store.save(c.withState(c.state().failedToStart(e.exitCode(), e.getMessage(), now())));
            throw new ContainerStartException(e.getMessage(), e.exitCode(), e);
        } catch (IOException | RuntimeException e) {
            toClose.forEach(linux::close);
            cleanup(overlay, cgroup);
            store.save(c.withState(c.state().failedToStart(125, e.getMessage(), now())));
            throw e instanceof ContainerStartException cse ? cse
                    : new ContainerStartException(String.valueOf(e.getMessage()), 125, e);
        }
    }

    private static List<String> command(Container c) {
        List<String> argv = new ArrayList<>();
        argv.add(c.path());
        argv.addAll(c.args());
        return argv;
    }

    /** The environment a process sees: Docker adds PATH, HOSTNAME, HOME and (for a TTY) TERM when missing. */
    static List<String> processEnv(List<String> env, String hostname, ContainerUser user, boolean tty) {
        List<String> out = new ArrayList<>();
        if (env.stream().noneMatch(e -> e.startsWith("PATH="))) {
            out.add(DEFAULT_PATH);
        }
        out.add("HOSTNAME=" + hostname);
        out.addAll(env);
        if (tty && env.stream().noneMatch(e -> e.startsWith("TERM="))) {
            out.add("TERM=xterm");
        }
        if (env.stream().noneMatch(e -> e.startsWith("HOME="))) {
            out.add("HOME=" + user.home());
        }
        return out;
    }

    private static int await(CompletableFuture<Integer> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    private void onExit(String id, RunningContainer rc, ContainerLog logWriter, int code) {
        rc.drain();
        logWriter.close();
        boolean oom = false;
        try {
            oom = rc.cgroup.oomKills() > 0;
        } catch (RuntimeException e) {
            log.debug("reading OOM kills of {}: {}", id, e.getMessage());
        }
        linux.close(rc.stdinFd);
        cleanup(rc.overlay, rc.cgroup);
        Container after;
        synchronized (lock) {
            running.remove(id);
            Optional<Container> c = store.get(id);
            if (c.isEmpty()) {
                return;
            }
            after = c.get().withState(c.get().state().exited(code, oom, now()));
            store.save(after);
        }
        CompletableFuture<Integer> waiter = nextExit.remove(id);
        if (waiter != null) {
            waiter.complete(code);
        }
        if (after.hostConfig().autoRemove()) {
            try {
                remove(id, false);
            } catch (RuntimeException e) {
                log.warn("auto-removing {}: {}", id, e.getMessage());
            }
        }
    }

    private void cleanup(Overlay overlay, Cgroup cgroup) {
        try {
            if (cgroup != null) {
                cgroup.destroy();
            }
        } catch (RuntimeException e) {
            log.warn("removing cgroup: {}", e.getMessage());
        }
        try {
            overlay.unmount(linux);
        } catch (RuntimeException e) {
            log.warn("unmounting {}: {}", overlay.merged(), e.getMessage());
        }
    }

    // ---- stop, kill, restart ----------------------------------------------------------------

    /**
     * Sends the stop signal (the container's, else SIGTERM), waits up to the timeout (the
     * container's StopTimeout, else 10 s; -1 waits for ever), then SIGKILL.
     */
    public void stop(String reference, Integer timeoutSeconds) {
        Container c = get(reference);
        RunningContainer rc = running.get(c.id());
        if (rc == null) {
            return;
        }
        if (c.state().paused()) {
            unpause(c.id());
        }
        int timeout = timeoutSeconds != null ? timeoutSeconds
                : c.config().stopTimeout() != null ? c.config().stopTimeout() : DEFAULT_STOP_TIMEOUT_SECONDS;
        String signal = c.config().stopSignal() == null || c.config().stopSignal().isEmpty()
                ? "SIGTERM" : c.config().stopSignal();
        linux.kill(rc.pid, Signals.parse(signal));
        if (!awaitExit(rc, timeout)) {
            linux.kill(rc.pid, Signals.SIGKILL);
            awaitExit(rc, -1);
        }
        awaitRecorded(c.id());
    }

    private static boolean awaitExit(RunningContainer rc, int timeoutSeconds) {
        try {
            if (timeoutSeconds < 0) {
                rc.stage.exited().get();
            } else {
                rc.stage.exited().get(timeoutSeconds, TimeUnit.SECONDS);
            }
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (ExecutionException e) {
            return true;
        }
    }

    /** Waits until the exit handler has written the exited state (it runs on the stage's thread). */
    private void awaitRecorded(String id) {
        for (int i = 0; i < 6000 && running.containsKey(id); i++) {
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    public void kill(String reference, String signal) {
        Container c = get(reference);
        RunningContainer rc = running.get(c.id());
        if (rc == null) {
            throw new ContainerConflictException("Container " + c.id() + " is not running");
        }
        int number = Signals.parse(signal == null || signal.isEmpty() ? "SIGKILL" : signal);
        linux.kill(rc.pid, number);
        if (number == Signals.SIGKILL) {
            awaitExit(rc, -1);
            awaitRecorded(c.id());
        }
    }

    public void restart(String reference, Integer timeoutSeconds) {
        Container c = get(reference);
        stop(c.id(), timeoutSeconds);
        start(c.id());
    }

    // ---- pause ----------------------------------------------------------------------------

    public void pause(String reference) {
        synchronized (lock) {
            Container c = get(reference);
            RunningContainer rc = requireRunning(c);
            if (c.state().paused()) {
                throw new ContainerConflictException("Container " + c.id() + " is already paused");
            }
            rc.cgroup.freeze();
            store.save(c.withState(c.state().paused(true)));
        }
    }

    public void unpause(String reference) {
        synchronized (lock) {
            Container c = get(reference);
            RunningContainer rc = requireRunning(c);
            if (!c.state().paused()) {
                throw new ContainerConflictException("Container " + c.id() + " is not paused");
            }
            rc.cgroup.thaw();
            store.save(c.withState(c.state().paused(false)));
        }
    }

    private RunningContainer requireRunning(Container c) {
        RunningContainer rc = running.get(c.id());
        if (rc == null) {
            throw new ContainerConflictException("Container " + c.id() + " is not running");
        }
        return rc;
    }

    // ---- remove, rename, wait -----------------------------------------------------------------

    public void remove(String reference, boolean force) {
        Container c = get(reference);
        RunningContainer rc = running.get(c.id());
        if (rc != null) {
            if (!force) {
                String what = c.state().paused() ? "paused" : "running";
                throw new ContainerConflictException("cannot remove container \"" + c.name() + "\": container is "
                        + what + ": stop the container before removing or force remove");
            }
            if (c.state().paused()) {
                rc.cgroup.thaw();
            }
            linux.kill(rc.pid, Signals.SIGKILL);
            awaitExit(rc, -1);
            awaitRecorded(c.id());
        }
        synchronized (lock) {
            if (store.get(c.id()).isPresent()) {
                store.delete(c.id());
            }
        }
    }

    public void rename(String reference, String newName) {
        synchronized (lock) {
            Container c = get(reference);
            ContainerName name = ContainerName.of(newName);
            if (name.value().equals(c.name())) {
                throw new ContainerConflictException("Renaming a container with the same name as its current name");
            }
            Optional<Container> holder = store.all().stream().filter(o -> o.name().equals(name.value())).findFirst();
            if (holder.isPresent()) {
                throw new ContainerConflictException("Conflict. The container name \"" + name.value()
                        + "\" is already in use by container \"" + holder.get().id()
                        + "\". You have to remove (or rename) that container to be able to reuse that name.");
            }
            store.save(c.withName(name.value()));
        }
    }

    /** Docker's {@code wait} with condition not-running: the exit code once the container is not running. */
    public CompletableFuture<Integer> waitNotRunning(String reference) {
        synchronized (lock) {
            Container c = get(reference);
            if (!running.containsKey(c.id())) {
                return CompletableFuture.completedFuture(c.state().exitCode());
            }
            return nextExit.computeIfAbsent(c.id(), k -> new CompletableFuture<>());
        }
    }

    // ---- exec and top -----------------------------------------------------------------------

    /**
     * Runs a command in the running container's namespaces and cgroup, delivering its output
     * to {@code output} as it comes; returns the exit code once the command has ended and all
     * its output was delivered.
     */
    public int exec(String reference, ExecRequest request, OutputListener output) {
        Container c = get(reference);
        RunningContainer rc = requireRunning(c);
        if (c.state().paused()) {
            throw new ContainerConflictException("Container " + c.id() + " is paused, unpause the container before exec");
        }
        String userSpec = request.user() == null || request.user().isEmpty() ? c.config().user() : request.user();
        ContainerUser user = ContainerUser.resolve(userSpec, rc.overlay.merged());
        List<String> env = new ArrayList<>(c.config().env());
        env.addAll(request.env());
        String cwd = request.workingDir() == null || request.workingDir().isEmpty()
                ? c.config().workingDir() : request.workingDir();
        ProcessSpec process = new ProcessSpec(request.cmd(), processEnv(env, c.config().hostname(), user, request.tty()),
                cwd, user.uid(), user.gid(), user.groups(),
                Capabilities.resolve(c.hostConfig().capAdd(), c.hostConfig().capDrop(),
                        c.hostConfig().privileged() || request.privileged()),
                c.hostConfig().noNewPrivileges(), false, rc.cgroup.procsFiles(), null);

        int devNull = linux.open("/dev/null", Linux.O_RDONLY);
        int[] stdout = linux.pipe();
        int[] stderr = linux.pipe();
        StageProcess stage;
        try {
            stage = StageProcess.launch(linux, stageBinary, ContainerLaunch.execArguments(rc.pid, process),
                    new int[] {devNull, stdout[1], stderr[1]});
        } catch (RuntimeException e) {
            linux.close(stdout[0]);
            linux.close(stderr[0]);
            throw e;
        } finally {
            linux.close(devNull);
            linux.close(stdout[1]);
            linux.close(stderr[1]);
        }
        StreamPump out = new StreamPump(linux, stdout[0], StdStream.STDOUT, output, "exec-out-" + c.shortId());
        StreamPump err = new StreamPump(linux, stderr[0], StdStream.STDERR, output, "exec-err-" + c.shortId());
        try {
            await(stage.started());
        } catch (StageFailure e) {
            out.join();
            err.join();
            throw new ContainerStartException(e.getMessage(), e.exitCode(), e);
        }
        int code = await(stage.exited());
        out.join();
        err.join();
        return code;
    }

    /** Docker's {@code top} with the default {@code ps -ef} columns. */
    public ProcessTable top(String reference) {
        Container c = get(reference);
        RunningContainer rc = requireRunning(c);
        return ProcessTable.of(rc.cgroup.pids());
    }

    /** Follows a running container's output live (the log has everything since start). */
    public void attachOutput(String reference, OutputListener listener) {
        requireRunning(get(reference)).addListener(listener);
    }

    public void detachOutput(String reference, OutputListener listener) {
        RunningContainer rc = running.get(get(reference).id());
        if (rc != null) {
            rc.removeListener(listener);
        }
    }

    /** The container's stdin (a pipe, with OpenStdin), for writing; absent otherwise. */
    public Optional<Integer> stdin(String reference) {
        RunningContainer rc = requireRunning(get(reference));
        return rc.stdinFd >= 0 ? Optional.of(rc.stdinFd) : Optional.empty();
    }

    /** Closes the container's stdin, like a client that closed its end of {@code docker run -i}. */
    public void closeStdin(String reference) {
        RunningContainer rc = running.get(get(reference).id());
        if (rc != null && rc.stdinFd >= 0) {
            linux.close(rc.stdinFd);
        }
    }

    // ---- engine start and stop ----------------------------------------------------------------

    /**
     * After an engine restart no container process can still be ours: a stage whose engine
     * died kills its container. Each container that was running becomes exited, with the code
     * its stage recorded (137 when none was), and its mounts and cgroup are cleaned up.
     */
    private void reconcile() {
        for (Container c : store.all()) {
            ContainerState s = c.state();
            if (!s.running() && !s.paused() && !s.restarting()) {
                continue;
            }
            Path dir = store.directory(c.id());
            if (s.pid() > 0 && Files.exists(Path.of("/proc/" + s.pid()))) {
                linux.kill(s.pid(), Signals.SIGKILL);
            }
            int code = 128 + Signals.SIGKILL;
            try {
                code = Integer.parseInt(Files.readString(dir.resolve("exit-code"), StandardCharsets.UTF_8).trim());
            } catch (IOException | NumberFormatException e) {
                log.info("container {} has no recorded exit code; taking 137", c.shortId());
            }
            Overlay overlay = Overlay.inContainerDirectory(dir, List.of());
            try {
                cleanup(overlay, cgroups.existing(c.id()).orElse(null));
            } catch (RuntimeException e) {
                log.warn("cleaning up {}: {}", c.shortId(), e.getMessage());
            }
            store.save(c.withState(s.exited(code, false, now())));
        }
    }

    /** Stops every running container with its grace period (the engine's orderly shutdown). */
    public void stopAll() {
        List<Thread> stoppers = new ArrayList<>();
        for (String id : List.copyOf(running.keySet())) {
            Thread t = new Thread(() -> {
                try {
                    stop(id, null);
                } catch (RuntimeException e) {
                    log.warn("stopping {}: {}", id, e.getMessage());
                }
            }, "stop-" + id.substring(0, 12));
            t.start();
            stoppers.add(t);
        }
        for (Thread t : stoppers) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    static String now() {
        return Instant.now().toString();
    }
}
