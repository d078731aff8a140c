package dev.purser.engine.container;

import dev.purser.engine.cgroup.CgroupHierarchy;
import dev.purser.engine.runtime.Linux;
import dev.purser.engine.runtime.Overlay;
import dev.purser.engine.runtime.Signals;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Brings the container records back in line with reality when the engine starts. */
final class CrashRecovery {
    private static final Logger log = LoggerFactory.getLogger(CrashRecovery.class);

    private final ContainerStore store;
    private final Linux linux;
    private final CgroupHierarchy cgroups;

    CrashRecovery(ContainerStore store, Linux linux, CgroupHierarchy cgroups) {
        this.store = store;
        this.linux = linux;
        this.cgroups = cgroups;
    }

    /**
     * After an engine restart no container process can still be ours: a stage whose engine
     * died kills its container. Each container that was running becomes exited, with the code
     * its stage recorded (137 when none was), and its mounts and cgroup are cleaned up.
     */
    void run() {
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
                Teardown.of(linux, overlay, cgroups.open(c.id()));
            } catch (RuntimeException e) {
                log.warn("cleaning up {}: {}", c.shortId(), e.getMessage());
            }
            store.save(c.withState(s.exited(code, false, Containers.now())));
        }
    }
}
