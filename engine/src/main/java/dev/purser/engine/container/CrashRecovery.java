package dev.purser.engine.container;

import dev.purser.engine.cgroup.CgroupHierarchy;
import dev.purser.engine.runtime.Linux;
import dev.purser.engine.runtime.Overlay;
import dev.purser.engine.runtime.Signals;
import dev.purser.engine.store.Directories;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings the container records and the host back in line when the engine starts, in two steps
 * so that a daemon can answer reads in between (docs/decisions/0058). {@link #reconcile} makes
 * the records true: no container runs yet, so each one recorded running is brought down and
 * recorded exited. {@link #tearDown(String)} and {@link #finish} then clean the host: no
 * container that is not running needs a mount or a cgroup (a crash during a start or a removal
 * can leave them), a removal that a crash interrupted is finished, and directories without a
 * record are deleted. Until a container is torn down nothing but its policy start may use it.
 */
final class CrashRecovery {
    private static final Logger log = LoggerFactory.getLogger(CrashRecovery.class);
    private static final String IDENTITY_FILE = "process";

    private final ContainerStore store;
    private final Linux linux;
    private final CgroupHierarchy cgroups;
    /** The containers not torn down yet: every one at {@link #reconcile}. */
    private final Set<String> untouched = ConcurrentHashMap.newKeySet();
    private final List<String> autoRemove = new CopyOnWriteArrayList<>();

    CrashRecovery(ContainerStore store, Linux linux, CgroupHierarchy cgroups) {
        this.store = store;
        this.linux = linux;
        this.cgroups = cgroups;
    }

    /** Where the identity of a container's running process is kept (see {@link ProcessIdentity}). */
    static Path identityFile(Path containerDir) {
        return containerDir.resolve(IDENTITY_FILE);
    }

    /**
     * After an engine restart no container process can still be ours: a stage whose engine
     * died kills its container. Each container that was running becomes exited, with the code
     * its stage recorded (137 when none was). Touches no mount and no cgroup.
     */
    void reconcile() {
        for (Container c : store.all()) {
            ContainerState s = c.state();
            Path dir = store.directory(c.id());
            untouched.add(c.id());
            if (s.running() || s.paused() || s.restarting() || s.removalInProgress()) {
                bringDown(c, dir);
            }
            if ((s.running() || s.paused() || s.restarting()) && !s.removalInProgress()) {
                int code = recordedExitCode(c, dir);
                store.update(c.id(), cur -> cur.withState(cur.state().exited(code, false, Containers.now())));
                if (c.hostConfig().autoRemove()) {
                    // Docker removes these at restart; they go the way every removal goes (volumes, events)
                    autoRemove.add(c.id());
                }
            }
        }
    }

    /** Removes what a previous engine left of this container on the host (mount, cgroup), once. */
    void tearDown(String id) {
        if (!untouched.remove(id)) {
            return;
        }
        Path dir = store.directory(id);
        tearDown(id, dir);
        try {
            Files.deleteIfExists(identityFile(dir));
        } catch (IOException e) {
            log.warn("removing {}: {}", identityFile(dir), e.getMessage());
        }
    }

    /**
     * Tears down every container not torn down yet, finishes the removals a crash interrupted and
     * deletes directories without a record.
     *
     * @return the containers with AutoRemove that were running: the caller removes them
     */
    List<String> finish() {
        for (String id : store.orphanDirectories()) {
            Path dir = store.directory(id);
            log.info("removing the remains of container directory {}", dir);
            tearDown(id, dir);
            try {
                Directories.deleteRecursively(dir);
            } catch (UncheckedIOException e) {
                log.warn("could not remove {}: {}", dir, e.getCause().toString());
            }
        }
        for (String id : List.copyOf(untouched)) {
            tearDown(id);
            Optional<Container> c = store.get(id);
            if (c.isPresent() && c.get().state().removalInProgress()) {
                log.info("finishing the removal of container {}", c.get().shortId());
                store.deleteFiles(id);
                store.delete(id);
            }
        }
        return List.copyOf(autoRemove);
    }

    /**
     * SIGKILL for the container's process, if the recorded pid still names it: a pid that now
     * belongs to another process (after a reboot, or once pids wrapped) means the container's is gone.
     */
    private void bringDown(Container c, Path dir) {
        int pid = c.state().pid();
        if (pid <= 0) {
            return;
        }
        Optional<ProcessIdentity> recorded = ProcessIdentity.readFrom(identityFile(dir));
        if (recorded.isPresent() && recorded.get().pid() == pid && recorded.get().isAlive()) {
            linux.kill(pid, Signals.SIGKILL);
        } else if (Files.exists(Path.of("/proc/" + pid))) {
            log.info("pid {} of container {} now belongs to another process: the container's has exited",
                    pid, c.shortId());
        }
    }

    private void tearDown(String id, Path dir) {
        try {
            Teardown.of(linux, Overlay.inContainerDirectory(dir, List.of()), cgroups.open(id));
        } catch (RuntimeException e) {
            log.warn("cleaning up {}: {}", id, e.getMessage());
        }
    }

    private static int recordedExitCode(Container c, Path dir) {
        try {
            return Integer.parseInt(Files.readString(dir.resolve("exit-code"), StandardCharsets.UTF_8).trim());
        } catch (IOException | NumberFormatException e) {
            log.info("container {} has no recorded exit code; taking 137", c.shortId());
            return 128 + Signals.SIGKILL;
        }
    }
}
