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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings the container records and the host back in line when the engine starts: no container
 * runs yet, so none needs a mount or a cgroup, and a removal that a crash interrupted is finished.
 */
final class CrashRecovery {
    private static final Logger log = LoggerFactory.getLogger(CrashRecovery.class);
    private static final String IDENTITY_FILE = "process";

    private final ContainerStore store;
    private final Linux linux;
    private final CgroupHierarchy cgroups;

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
     * its stage recorded (137 when none was); every container's mount and cgroup are removed
     * (a crash during a start or a removal can leave them for a container that is not running);
     * containers marked removing are removed, and directories without a record deleted.
     *
     * @return the containers with AutoRemove that were running: Docker removes them at restart,
     *     and they must go the way every removal goes (volumes, events), which is the caller's
     */
    List<String> run() {
        List<String> autoRemove = new java.util.ArrayList<>();
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
        for (Container c : store.all()) {
            ContainerState s = c.state();
            Path dir = store.directory(c.id());
            if (s.running() || s.paused() || s.restarting() || s.removalInProgress()) {
                bringDown(c, dir);
            }
            tearDown(c.id(), dir);
            if (s.removalInProgress()) {
                log.info("finishing the removal of container {}", c.shortId());
                store.deleteFiles(c.id());
                store.delete(c.id());
                continue;
            }
            if (s.running() || s.paused() || s.restarting()) {
                int code = recordedExitCode(c, dir);
                store.update(c.id(), cur -> cur.withState(cur.state().exited(code, false, Containers.now())));
                if (c.hostConfig().autoRemove()) {
                    autoRemove.add(c.id());
                }
            }
            try {
                Files.deleteIfExists(identityFile(dir));
            } catch (IOException e) {
                log.warn("removing {}: {}", identityFile(dir), e.getMessage());
            }
        }
        return autoRemove;
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
