package dev.purser.engine.container;

import dev.purser.engine.cgroup.Cgroup;
import dev.purser.engine.cgroup.CgroupHierarchy;
import dev.purser.engine.image.Image;
import dev.purser.engine.image.ImageStore;
import dev.purser.engine.image.NoSuchImageException;
import dev.purser.engine.log.JsonFileWriter;
import dev.purser.engine.log.LogFileSet;
import dev.purser.engine.log.RotationPolicy;
import dev.purser.engine.mount.MountPoint;
import dev.purser.engine.runtime.ContainerLaunch;
import dev.purser.engine.runtime.Linux;
import dev.purser.engine.runtime.Overlay;
import dev.purser.engine.runtime.SeccompPrograms;
import dev.purser.engine.runtime.StageFailure;
import dev.purser.engine.runtime.StageProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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

    ContainerLauncher(ContainerStore store, ImageStore images, CgroupHierarchy cgroups, Linux linux, Path stageBinary,
                      Attachments attachments) {
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

    /**
     * Runs the container's process. Fails with {@link StageFailure} when the stage could not run the command (its
     * exit code says why), or with the I/O or runtime error that stopped the start.
     */
    Launched launch(Container c) throws IOException {
        Image image = images.find(c.image()).orElseThrow(() -> new NoSuchImageException(c.image()));
        Path dir = store.directory(c.id());
        Overlay overlay = Overlay.inContainerDirectory(dir, images.layerDirectories(image));
        Cgroup cgroup = null;
        ProcessStdio stdio = null;
        try {
            ContainerFiles.makeReadable(dir);
            createBindSources(c);
            overlay.mount(linux);
            cgroup = cgroups.create(c.id());
            cgroup.restrictDevices(ProcessPlans.devicePolicy(c.hostConfig()));
            for (String warning : cgroup.apply(ProcessPlans.resources(c.hostConfig()))) {
                log.warn("container {}: {}", c.shortId(), warning);
            }
            ContainerLaunch launch = ProcessPlans.containerLaunch(c, overlay.merged(), cgroup,
                    dir.resolve("exit-code"), seccompPrograms);
            stdio = c.config().tty() ? ProcessStdio.tty(linux) : ProcessStdio.pipes(linux, c.config().openStdin());
            Files.deleteIfExists(dir.resolve("exit-code"));
            StageProcess stage;
            try {
                stage = StageProcess.launch(linux, stageBinary, launch.arguments(), stdio.childFds());
            } finally {
                stdio.closeChildEnds();
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
            Teardown.of(linux, overlay, cgroup);
            // what reaches the client names the container's files, never the state root's paths
            if (e instanceof StageFailure f) throw f.hidingPath(dir + "/", "container file ");
            throw e;
        }
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
