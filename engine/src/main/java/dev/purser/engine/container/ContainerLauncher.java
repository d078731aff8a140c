package dev.purser.engine.container;

import dev.purser.engine.cgroup.Cgroup;
import dev.purser.engine.cgroup.CgroupHierarchy;
import dev.purser.engine.container.naming.ContainerLookupException;
import dev.purser.engine.image.Image;
import dev.purser.engine.image.ImageStore;
import dev.purser.engine.image.NoSuchImageException;
import dev.purser.engine.log.JsonFileWriter;
import dev.purser.engine.log.LogFileSet;
import dev.purser.engine.log.RotationPolicy;
import dev.purser.engine.mount.MountPoint;
import dev.purser.engine.network.Endpoint;
import dev.purser.engine.network.EtcFiles;
import dev.purser.engine.network.ExtraHost;
import dev.purser.engine.network.LinkedPorts;
import dev.purser.engine.network.Networks;
import java.util.ArrayList;
import java.util.List;
import dev.purser.engine.runtime.ContainerLaunch;
import dev.purser.engine.runtime.Linux;
import dev.purser.engine.runtime.Overlay;
import dev.purser.engine.runtime.SeccompPrograms;
import dev.purser.engine.runtime.StageFailure;
import dev.purser.engine.runtime.StageProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts a container's first process: mounts its root filesystem, makes its cgroup, has the
 * native stage run the process, and sends the output to the log and to whoever is attached.
 * A start that fails leaves nothing behind. What the start means for the container's state is
 * {@link Containers}' business, not this class's.
 */
final class ContainerLauncher {
    private static final Logger log = LoggerFactory.getLogger(ContainerLauncher.class);

    private final ContainerStore store;
    private final ImageStore images;
    private final CgroupHierarchy cgroups;
    private final Linux linux;
    private final Path stageBinary;
    private final SeccompPrograms seccompPrograms;
    private final Attachments attachments;
    private final EtcFiles etcFiles;
    private final Networks networks;
    private final NetworkPeers peers;

    ContainerLauncher(ContainerStore store, ImageStore images, CgroupHierarchy cgroups, Linux linux, Path stageBinary,
                      Attachments attachments, EtcFiles etcFiles, Networks networks) {
        this.etcFiles = etcFiles;
        this.networks = networks;
        this.peers = new NetworkPeers(store, networks, etcFiles);
        this.store = store;
        this.images = images;
        this.cgroups = cgroups;
        this.linux = linux;
        this.stageBinary = stageBinary;
        this.seccompPrograms = new SeccompPrograms(stageBinary);
        this.attachments = attachments;
    }

    /** A process that runs, and the log its output goes to (closed by whoever sees it exit). */
    record Launched(RunningContainer process, LogListener log) {}

    /** {@code --net container:}: the running container whose network namespace is joined, and its process. */
    record NetworkJoin(int pid, Container target) {
        /**
         * For {@code --net container:X}: X, which must exist, be another container and run, and its
         * process, whose network namespace the stage joins; null for any other network mode. Docker's
         * errors and status codes (moby's getNetworkedContainer): checked at start, not at create.
         */
        static NetworkJoin of(Container c, ContainerLookup containers) {
            String reference = c.hostConfig().networkContainer();
            if (reference == null) {
                return null;
            }
            Container target;
            try {
                target = containers.get(reference);
            } catch (ContainerLookupException e) {
                throw new ContainerStartException("joining network namespace of container: " + e.getMessage(), 125, e);
            }
            if (target.id().equals(c.id())) {
                throw new ContainerStartException("cannot join own network namespace", 125, null);
            }
            RunningContainer rc = containers.process(target.id());
            if (rc == null || !target.state().running()) {
                throw new ContainerConflictException("cannot join network namespace of a non running container: container "
                        + target.shortName() + " is " + target.state().status());
            }
            if (target.state().restarting()) {
                throw new ContainerConflictException("cannot join network namespace of container: Container " + reference
                        + " is restarting, wait until the container is running");
            }
            return new NetworkJoin(rc.pid, target);
        }
    }

    /**
     * What the container's {@code --link}s give it: Docker's variables, and the targets' names
     * with their addresses for its hosts file.
     */
    record LinkedTargets(List<String> env, List<ExtraHost> hosts, List<LinkedPorts> ports) {
        static final LinkedTargets NONE = new LinkedTargets(List.of(), List.of(), List.of());

        LinkedTargets {
            env = List.copyOf(env);
            hosts = List.copyOf(hosts);
            ports = List.copyOf(ports);
        }
    }

    /**
     * Runs the container's process. Fails with {@link StageFailure} when the stage could not run the command (its
     * exit code says why), or with the I/O or runtime error that stopped the start.
     *
     * @param join the network namespace to join, or null for the container's own (or the host's)
     */
    Launched launch(Container container, NetworkJoin join, LinkedTargets linked) throws IOException {
        Container c = join == null ? container : container.joiningNetworkOf(join.target());
        Image image = images.find(c.image()).orElseThrow(() -> new NoSuchImageException(c.image()));
        Path dir = store.directory(c.id());
        Overlay overlay = Overlay.inContainerDirectory(dir, images.layerDirectories(image));
        Cgroup cgroup = null;
        ProcessStdio stdio = null;
        // a container on no network (none, host, container:, or disconnected from all) gets no interface
        boolean bridged = join == null && !c.endpointConfigs().isEmpty();
        try {
            if (join == null && !bridged) {
                // rewritten at every start, as Docker does (a bridged container's once it has its address)
                etcFiles.write(dir, ProcessPlans.etcIdentity(c, List.of()));
            }
            createBindSources(c);
            overlay.mount(linux);
            cgroup = cgroups.create(c.id());
            cgroup.restrictDevices(ProcessPlans.devicePolicy(c.hostConfig()));
            for (String warning : cgroup.apply(ProcessPlans.resources(c.hostConfig()))) {
                log.warn("container {}: {}", c.shortId(), warning);
            }
            ContainerLaunch launch = ProcessPlans.containerLaunch(c, overlay.merged(), cgroup,
                    dir.resolve("exit-code"), seccompPrograms, join == null ? null : join.pid(), linked.env());
            stdio = c.config().tty() ? ProcessStdio.tty(linux) : ProcessStdio.pipes(linux, c.config().openStdin());
            Files.deleteIfExists(dir.resolve("exit-code"));
            List<String> arguments = new ArrayList<>(launch.arguments());
            if (bridged) {
                // after "run": the stage holds the process until its interfaces exist
                arguments.add(1, "--network-step");
            }
            StageProcess stage;
            try {
                stage = StageProcess.launch(linux, stageBinary, arguments, stdio.childFds());
            } finally {
                stdio.closeChildEnds();
            }
            if (bridged) {
                connect(c, dir, stage, linked);
            }
            int pid = awaitStart(stage.started());
            if (stdio.isTty()) {
                stdio.attachTerminal(stage.ptyMaster());
            }

            RunningContainer rc = new RunningContainer(c.id(), stage, overlay, cgroup, pid, stdio);
            Map<String, String> logOpts = c.hostConfig().logConfig().config();
            LogListener logWriter = new LogListener(new JsonFileWriter(LogFileSet.forContainer(dir, c.id()),
                    RotationPolicy.fromLogOpts(logOpts.get("max-size"), logOpts.get("max-file"))));
            rc.log(logWriter);
            rc.addListener((stream, data, length) -> attachments.deliver(c.id(), stream, data, length));
            rc.pumps(stdio.pump(rc::deliver, c.shortId()));
            return new Launched(rc, logWriter);
        } catch (IOException | RuntimeException e) {
            if (stdio != null) {
                stdio.closeEverything();
            }
            if (bridged) {
                peers.detach(c.id());
            }
            Teardown.of(linux, overlay, cgroup);
            // what reaches the client names the container's files, never the state root's paths
            if (e instanceof StageFailure f) {
                StageFailure shown = f.hidingPath(dir + "/", "container file ");
                // a joiner binds the files of the container it joins
                throw join == null ? shown : shown.hidingPath(store.directory(join.target().id()) + "/", "container file ");
            }
            throw e;
        }
    }

    /**
     * Puts the held process on the bridge, then lets it run. When that fails, the stage kills
     * the process unrun, and the start fails with what went wrong (no veth or lease is left).
     */
    private void connect(Container c, Path dir, StageProcess stage, LinkedTargets linked) {
        int childPid = awaitStart(stage.pidReported());
        try {
            List<Endpoint> endpoints = networks.attachAll(c.id(), c.endpointConfigs(), childPid);
            networks.openLinks(c.id(), linked.ports());
            List<ExtraHost> hosts = new ArrayList<>(linked.hosts());
            hosts.addAll(peers.of(c, endpoints));
            // the process is held before its mounts, so /etc/hosts is bound with the addresses in it
            etcFiles.write(dir, ProcessPlans.etcIdentity(c, NetworkPeers.addresses(endpoints), hosts));
            for (Endpoint e : endpoints) {
                peers.refresh(e.networkId(), c.id());
            }
        } catch (RuntimeException e) {
            stage.abortStart();
            try {
                stage.exited().get();
            } catch (InterruptedException ie) {
                Thread.currentThread().interrupt();
            } catch (ExecutionException ignored) {
                // the stage's own report does not matter: the start failed here
            }
            throw e;
        }
        stage.release();
    }

    /** Takes a container that stopped off its networks; the peers on user-defined ones forget it. */
    void detach(String containerId) {
        peers.detach(containerId);
    }

    /** Who keeps the peers' hosts files: connect, disconnect and rename tell them too. */
    NetworkPeers peers() {
        return peers;
    }

    /** {@code -v}'s missing host directories, created at start as Docker does (0755, root's). */
    private static void createBindSources(Container c) throws IOException {
        for (MountPoint m : c.ownMounts()) {
            Path source = Path.of(m.source());
            if (m.isBind() && m.createSource() && !Files.exists(source, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                Files.createDirectories(source);
            }
        }
    }

    /** The stage's pid once the process runs; its failure, unwrapped. */
    static int awaitStart(CompletableFuture<Integer> started) {
        try {
            return started.get();
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
}
