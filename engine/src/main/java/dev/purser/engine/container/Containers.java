package dev.purser.engine.container;


import dev.purser.engine.cgroup.CgroupHierarchy;
import dev.purser.engine.container.naming.ContainerLookupException;
import dev.purser.engine.container.naming.NameGenerator;
import dev.purser.engine.event.EventBus;
import dev.purser.engine.image.ImageStore;
import dev.purser.engine.network.ports.PortAllocationException;
import dev.purser.engine.network.ports.PortPublisher;
import dev.purser.engine.network.ports.Publication;
import dev.purser.engine.network.ports.PublishedPort;
import dev.purser.engine.network.EtcFiles;
import dev.purser.engine.network.Endpoint;
import dev.purser.engine.network.Networks;
import dev.purser.engine.network.NetworkEvents;
import dev.purser.engine.runtime.Linux;
import dev.purser.engine.runtime.SeccompPrograms;
import dev.purser.engine.runtime.StageFailure;
import dev.purser.engine.volume.Volumes;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The container operations, with Docker's states and transitions: create, start, stop, kill,
 * restart, pause, unpause, remove, rename, wait. Every state change is written through the
 * {@link ContainerStore} before it is visible to callers. What works on running containers
 * beside their lifecycle (exec, top, stats, logs, attach, archive access, network changes) is
 * in rooms of its own, reached through this class (docs/decisions/0060).
 */
public final class Containers {
    private static final Logger log = LoggerFactory.getLogger(Containers.class);

    private final ContainerStore store;
    private final ImageStore images;
    private final CgroupHierarchy cgroups;
    private final Linux linux;
    private final Path stageBinary;
    private final SeccompPrograms seccompPrograms;
    private final NameGenerator names = new NameGenerator();
    /** Held while a name is checked and taken (create, rename): names are unique across containers. */
    private final Object nameLock = new Object();
    /** Held while an exit is recorded and while a wait checks for one, so no wait misses an exit. */
    private final Object exitLock = new Object();
    private final ContainerLocks locks = new ContainerLocks();
    private final RemovalStep.Listener removalSteps;
    private final List<Consumer<String>> removalListeners = new CopyOnWriteArrayList<>();
    private final Map<String, RunningContainer> running = new ConcurrentHashMap<>();
    private final ContainerLinks links;
    private final Waiters waiters = new Waiters();
    private final RestartSchedule restarts = new RestartSchedule();
    private final EventBus events;
    private final NetworkEvents networkEvents;
    private final Attachments attachments = new Attachments();
    private final ContainerLauncher launcher;
    private final ProcessStop stop;
    private final ContainerStdin stdin = new ContainerStdin();
    private final ContainerPorts ports;
    /** The link variables each running container started with: its execs get them too, as Docker's do. */
    private final Map<String, List<String>> linkEnvironments = new ConcurrentHashMap<>();
    private final EtcFiles etcFiles;
    private final Networks networks;
    private final Volumes volumes;
    private final ContainerMounts mounts;
    private final NetworkConnections connections;
    private final CrashRecovery recovery;
    private final ContainerEvents containerEvents;
    private final ContainerLookup lookup;
    private final RunEvents runEvents;
    private final ContainerCreator creator;
    private final ContainerNames containerNames;
    private final ContainerSignals signals;
    private final ContainerFreezer freezer;
    private final ContainerDeletion deletion;
    private final ExecLauncher execLauncher;
    private final RootFilesystems rootFilesystems;
    private final ContainerStats stats;
    private final ContainerProcesses processes;
    private final NetworkChanges networkChanges;
    private final ContainerLogs logs;
    private final ContainerStreams streams;

    /** {@code removalSteps} is told of each step of every removal (tests stop a daemon midway). */
    public Containers(ContainerStore store, ImageStore images, CgroupHierarchy cgroups, Linux linux, Path stageBinary,
            EventBus events, Networks networks, Volumes volumes, RemovalStep.Listener removalSteps, EtcFiles etcFiles) {
        this.etcFiles = etcFiles;
        this.networks = networks;
        this.removalSteps = removalSteps;
        this.volumes = volumes;
        this.mounts = new ContainerMounts(volumes, images, linux);
        this.store = store;
        this.images = images;
        this.cgroups = cgroups;
        this.linux = linux;
        this.stageBinary = stageBinary;
        this.seccompPrograms = new SeccompPrograms(stageBinary);
        this.events = events;
        this.networkEvents = new NetworkEvents(events);
        this.stop = new ProcessStop(linux);
        this.launcher = new ContainerLauncher(store, images, cgroups, linux, stageBinary, attachments, etcFiles, networks);
        this.links = new ContainerLinks(store, networks, this::get, c -> running.containsKey(c.id()) && c.state().running(),
                etcFiles);
        this.connections = new NetworkConnections(store, networks, launcher.peers(), networkEvents);
        this.ports = new ContainerPorts(PortPublisher.ofHost());
        this.containerEvents = new ContainerEvents(events);
        this.runEvents = new RunEvents(containerEvents, networkEvents, networks, volumes);
        this.lookup = new ContainerLookup(this::get, running);
        this.containerNames = new ContainerNames(store, names, this::get, locks, nameLock, links, launcher.peers(), containerEvents);
        this.creator = new ContainerCreator(this::get, store, images, etcFiles, connections, links, volumes, mounts,
                containerNames, nameLock, containerEvents);
        this.signals = new ContainerSignals(lookup, restarts, linux, containerEvents);
        this.freezer = new ContainerFreezer(lookup, locks, store, containerEvents);
        this.deletion = new ContainerDeletion(store, removalSteps, linux, cgroups, links, nameLock, volumes);
        this.execLauncher = new ExecLauncher(lookup, linux, stageBinary, seccompPrograms, linkEnvironments);
        this.rootFilesystems = new RootFilesystems(lookup, locks, store, images, linux);
        this.stats = new ContainerStats(lookup);
        this.processes = new ContainerProcesses(lookup);
        this.networkChanges = new NetworkChanges(lookup, locks, store, networks, connections);
        this.logs = new ContainerLogs(lookup, store);
        this.streams = new ContainerStreams(lookup, attachments, stdin, containerEvents);
        this.recovery = new CrashRecovery(store, linux, cgroups);
        recovery.reconcile();
    }

    /**
     * The rest of the crash recovery the constructor began: every container not started by
     * {@link #startByPolicy} yet is torn down, interrupted removals are finished, and the
     * containers with AutoRemove that were running are removed. Until it returns, nothing but
     * reads may use the containers (the daemon holds every other request, docs/decisions/0058).
     */
    public void finishRecovery() {
        for (String id : recovery.finish()) {
            log.info("removing {}: it had AutoRemove and was running when the engine stopped", id);
            remove(id, true, true);
        }
    }

    /** {@code listener} is told the id of every container once it is removed (e.g. to forget its execs). */
    public void whenRemoved(Consumer<String> listener) {
        removalListeners.add(listener);
    }

    // ---- lookup -------------------------------------------------------------------------

    /** The container a user typed: full id, unique id prefix, or name, with Docker's errors. */
    public Container get(String reference) {
        return store.byReference(reference);
    }

    public List<Container> list() {
        return store.all();
    }

    /** The engine's networks. */
    public Networks networks() {
        return networks;
    }

    /** The container's endpoint on the bridge while it runs there. */
    public Optional<Endpoint> endpoint(String containerId) {
        return networks.endpoint(containerId);
    }

    // ---- create ---------------------------------------------------------------------------

    /** Docker's {@code create}: see {@link ContainerCreator}. */
    public Container create(CreateRequest request) {
        return creator.create(request);
    }


    /** True when some container was created from the image (Docker refuses to remove it then). */
    public boolean imageInUse(String imageId) {
        return store.all().stream().anyMatch(c -> c.image().equals(imageId));
    }

    // ---- start ----------------------------------------------------------------------------

    public void start(String reference) {
        String id = get(reference).id();
        try (ContainerLocks.Held held = locks.lock(id)) {
            Container c = store.current(id, reference);
            if (c.state().paused()) {
                throw new ContainerConflictException("cannot start a paused container, try unpause instead");
            }
            if (running.containsKey(id)) {
                throw new NotModifiedException("container already started");
            }
            cancelPendingRestart(id);
            launch(store.update(id, cur -> cur.withManuallyStopped(false)).orElseThrow());
        }
    }

    /** Runs the container's process; the caller holds the container's lock. */
    private void launch(Container c) {
        ContainerLauncher.NetworkJoin join;
        ContainerLauncher.LinkedTargets linked;
        try {
            join = ContainerLauncher.NetworkJoin.of(c, lookup);
            linked = links.atStart(c);
        } catch (ContainerConflictException | ContainerStartException e) {
            failedToStart(c, 125, e.getMessage());
            throw e;
        }
        Publication publication;
        try {
            publication = ports.reserve(c);
        } catch (PortAllocationException e) {
            failedToStart(c, 125, e.getMessage());
            throw new ContainerStartException(e.getMessage(), 125, e);
        }
        ContainerLauncher.Launched launched;
        try {
            launched = launcher.launch(c, join, linked);
        } catch (StageFailure e) {
            publication.close();
            failedToStart(c, e.exitCode(), e.getMessage());
            throw new ContainerStartException(e.getMessage(), e.exitCode(), e);
        } catch (IOException | RuntimeException e) {
            publication.close();
            failedToStart(c, 125, String.valueOf(e.getMessage()));
            throw e instanceof ContainerStartException cse ? cse
                    : new ContainerStartException(String.valueOf(e.getMessage()), 125, e);
        }
        RunningContainer rc = launched.process();
        ports.started(c.id(), publication, launcher.peers().endpoints(c));
        linkEnvironments.put(c.id(), linked.env());
        // written before the record says running: recovery signals the pid only while it names this process
        ProcessIdentity.of(rc.pid).ifPresent(p -> p.writeTo(CrashRecovery.identityFile(store.directory(c.id()))));
        synchronized (stdin.guard(c.id())) {
            running.put(c.id(), rc);
            PendingStdin early = stdin.takeEarly(c.id());
            if (early != null) {
                early.deliverTo(rc.stdio);
            }
        }
        Container started = store.update(c.id(), cur -> cur.withState(cur.state().running(rc.pid, now()))).orElseThrow();
        links.started(started);
        runEvents.started(started, launcher.peers().endpoints(started));
        rc.stage.exited().thenAccept(code -> onExit(c.id(), rc, launched.log(), code));
    }

    /**
     * Records a start that failed, and lets everyone waiting on the container go: attached
     * clients end, waiters get the exit code, and an AutoRemove container is removed (a
     * {@code docker run --rm} client waits for that).
     */
    private void failedToStart(Container c, int code, String message) {
        links.stopped(c.id());
        store.update(c.id(), cur -> cur.withState(cur.state().failedToStart(code, message, now())));
        attachments.end(c.id());
        waiters.exited(c.id(), code);
        if (c.hostConfig().autoRemove()) {
            removeHeld(store.current(c.id(), c.id()), true, true);
        }
    }

    private void onExit(String id, RunningContainer rc, LogListener logWriter, int code) {
        rc.drain();
        logWriter.close();
        attachments.end(id);
        boolean oom = false;
        try {
            oom = rc.cgroup.stats().oomKills() > 0;
        } catch (RuntimeException e) {
            log.debug("reading OOM kills of {}: {}", id, e.getMessage());
        }
        rc.stdio.closeAll();
        releaseRun(id);
        links.stopped(id);
        List<Endpoint> left = store.get(id).map(c -> launcher.peers().endpoints(c)).orElse(List.of());
        launcher.detach(id);
        Teardown.of(linux, rc.overlay, rc.cgroup);
        // No container lock here: whoever holds it may be waiting for this very exit (stop, rm -f).
        Optional<Container> before = store.get(id);
        Optional<Duration> restartIn = Optional.empty();
        Optional<Container> after = Optional.empty();
        if (before.isPresent()) {
            boolean removing = before.get().state().removalInProgress();
            Duration ran = Duration.between(rc.startedAt, Instant.now());
            restartIn = removing ? Optional.empty() : restarts.afterExit(before.get(), code, ran);
            boolean restart = restartIn.isPresent();
            boolean oomKilled = oom;
            after = store.update(id, cur -> {
                ContainerState exited = restart ? cur.state().restarting(code, now())
                        : cur.state().exited(code, oomKilled, now());
                return cur.withState(cur.state().removalInProgress() ? exited.removing() : exited);
            });
        }
        after.ifPresent(a -> runEvents.died(a, code));
        before.ifPresent(b -> runEvents.left(b, left));
        synchronized (exitLock) {
            running.remove(id, rc);
            rc.exitRecorded();
            waiters.exited(id, code);
        }
        if (after.isEmpty()) {
            return;
        }
        // only now: a restart that came before the removal from running would be taken for this process
        restartIn.ifPresent(delay -> restarts.schedule(id, delay, () -> restartByPolicy(id)));
        if (restartIn.isEmpty() && after.get().hostConfig().autoRemove() && !after.get().state().removalInProgress()) {
            try {
                // Docker's AutoRemove takes the container's anonymous volumes with it
                remove(id, false, true);
            } catch (ContainerLookupException gone) {
                // removed meanwhile by someone else
            } catch (RuntimeException e) {
                log.warn("auto-removing {}: {}", id, e.getMessage());
            }
        }
    }

    /** What a run held until its exit: its published ports and its link variables. */
    private void releaseRun(String id) {
        linkEnvironments.remove(id);
        ports.release(id);
    }

    /** The container's ports as NetworkSettings.Ports lists them (empty when it does not run, as Docker's). */
    public Map<String, List<PublishedPort>> publishedPorts(Container c) {
        return ports.of(c, running.containsKey(c.id()));
    }

    private void restartByPolicy(String id) {
        try (ContainerLocks.Held held = locks.lock(id)) {
            if (!restarts.claim(id)) {
                return;
            }
            Optional<Container> c = store.get(id);
            if (c.isEmpty() || !c.get().state().restarting()) {
                return;
            }
            Optional<Container> next = store.update(id, cur -> cur.withRestartCount(cur.restartCount() + 1));
            try {
                next.ifPresent(this::launch);
            } catch (RuntimeException e) {
                log.warn("restarting {}: {}", c.get().shortId(), e.getMessage());
            }
        }
    }

    /** Cancels a restart the policy scheduled; the container is then plainly exited. The caller holds its lock. */
    private void cancelPendingRestart(String id) {
        if (restarts.cancel(id)) {
            store.update(id, Container::exitedIfRestarting);
        }
    }


    // ---- stop, kill, restart ----------------------------------------------------------------

    /**
     * Sends the stop signal (the container's, else SIGTERM), waits up to the timeout (the
     * container's StopTimeout, else 10 s; -1 waits for ever), then SIGKILL.
     */
    public void stop(String reference, Integer timeoutSeconds) {
        String id = get(reference).id();
        // held while the process goes down: a start or rm of this container waits for the stop
        try (ContainerLocks.Held held = locks.lock(id)) {
            Container c = store.current(id, reference);
            store.update(id, cur -> cur.withManuallyStopped(true));
            cancelPendingRestart(id);
            RunningContainer rc = running.get(id);
            if (rc == null) {
                if (c.state().status().equals("restarting")) {
                    return;
                }
                throw new NotModifiedException("container already stopped");
            }
            if (c.state().paused()) {
                unpause(id);
            }
            stop.gracefully(c, rc, timeoutSeconds);
            containerEvents.publish(c, "stop");
        }
    }

    /** Docker's {@code kill}: see {@link ContainerSignals}. */
    public void kill(String reference, String signal) {
        signals.kill(reference, signal);
    }

    public void restart(String reference, Integer timeoutSeconds) {
        String id = get(reference).id();
        try (ContainerLocks.Held held = locks.lock(id)) {
            store.current(id, reference);
            try {
                stop(id, timeoutSeconds);
            } catch (NotModifiedException e) {
                // restarting a stopped container just starts it
            }
            start(id);
            containerEvents.publish(store.current(id, reference), "restart");
        }
    }

    // ---- pause ----------------------------------------------------------------------------

    public void pause(String reference) {
        freezer.pause(reference);
    }

    public void unpause(String reference) {
        freezer.unpause(reference);
    }


    // ---- remove, rename, wait -----------------------------------------------------------------

    /**
     * Docker's {@code rm}: refused for a running container unless forced. The removal is an
     * ordered sequence ({@link RemovalStep}): the record is marked removing, the process brought
     * down, the root filesystem unmounted, the cgroup and the files removed, and the record goes
     * last; a daemon killed midway restarts to a record its recovery finishes removing.
     */
    public void remove(String reference, boolean force) {
        remove(reference, force, false);
    }

    /**
     * As {@link #remove(String, boolean)}; with {@code removeVolumes} ({@code rm -v}), the
     * container's anonymous volumes go too, those no other container uses (Docker's rule:
     * named volumes stay).
     */
    public void remove(String reference, boolean force, boolean removeVolumes) {
        Container found = get(reference);
        if (found.state().removalInProgress()) {
            // Docker's answer while another removal holds the container, rather than waiting for it
            throw new ContainerConflictException("removal of container " + reference + " is already in progress");
        }
        String id = found.id();
        try (ContainerLocks.Held held = locks.lock(id)) {
            removeHeld(store.current(id, reference), force, removeVolumes);
        }
    }

    private void removeHeld(Container c, boolean force, boolean removeVolumes) {
        String id = c.id();
        if (c.state().restarting() && !force) {
            throw new ContainerConflictException("cannot remove container \"" + c.name()
                    + "\": container is restarting: stop the container before removing or force remove");
        }
        RunningContainer rc = running.get(id);
        if (rc != null && !force) {
            String what = c.state().paused() ? "paused" : "running";
            throw new ContainerConflictException("cannot remove container \"" + c.name() + "\": container is "
                    + what + ": stop the container before removing or force remove");
        }
        cancelPendingRestart(id);
        store.update(id, cur -> cur.withState(cur.state().removing()));
        removalSteps.reached(id, RemovalStep.MARKED);
        if (rc != null) {
            if (c.state().paused()) {
                rc.cgroup.thaw();
            }
            restarts.suppressNext(id);
            stop.now(rc);
        }
        releaseRun(id);
        removalSteps.reached(id, RemovalStep.PROCESS_DOWN);
        deletion.delete(c, removeVolumes);
        restarts.forget(id);
        stdin.forget(id);
        containerEvents.publish(c, "destroy");
        waiters.removed(id, c.state().exitCode());
        removalListeners.forEach(l -> l.accept(id));
    }

    /** Docker's {@code rename}: see {@link ContainerNames}. */
    public void rename(String reference, String newName) {
        containerNames.rename(reference, newName);
    }

    /** Docker's {@code wait} with condition not-running: the exit code once the container is not running. */
    public CompletableFuture<Integer> waitNotRunning(String reference) {
        return waitFor(reference, "not-running");
    }

    /**
     * Docker's {@code wait} conditions: {@code not-running} (now, if it is not running),
     * {@code next-exit} (the next exit, even of a container not yet started), {@code removed}.
     */
    public CompletableFuture<Integer> waitFor(String reference, String condition) {
        synchronized (exitLock) {
            Container c = get(reference);
            boolean notRunning = !running.containsKey(c.id()) && !c.state().restarting();
            return waiters.forCondition(c.id(), condition, notRunning, c.state().exitCode());
        }
    }

    // ---- the rooms beside the lifecycle (docs/decisions/0060) ------------------------------

    /** Commands run in running containers (exec). */
    public ExecLauncher execLauncher() {
        return execLauncher;
    }

    /** The containers' root filesystems, for archive access (cp). */
    public RootFilesystems rootFilesystems() {
        return rootFilesystems;
    }

    /** The resource use of running containers (stats). */
    public ContainerStats stats() {
        return stats;
    }

    /** The processes of running containers (top). */
    public ContainerProcesses processes() {
        return processes;
    }

    /** Network connect and disconnect after create. */
    public NetworkChanges networkChanges() {
        return networkChanges;
    }

    /** The containers' logs. */
    public ContainerLogs logs() {
        return logs;
    }

    /** The containers' standard streams: attach, stdin, terminal size. */
    public ContainerStreams streams() {
        return streams;
    }

    // ---- engine start and stop ----------------------------------------------------------------

    /** Docker's start of the containers with a restart policy at daemon start: see {@link PolicyStarts}. */
    public void startByPolicy() {
        new PolicyStarts(store, links, this::get, running::containsKey, recovery, this::start).run();
    }

    /** Stops every running container with its grace period (the engine's orderly shutdown): see {@link ShutdownStops}. */
    public void stopAll() {
        new ShutdownStops(locks, running, store, restarts, stop).stopAll();
    }

    static String now() {
        return Instant.now().toString();
    }
}
