package dev.purser.engine.container;

import dev.purser.engine.cgroup.Cgroup;
import dev.purser.engine.runtime.Linux;
import dev.purser.engine.runtime.Overlay;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Undoes what a container's start set up on the host: its cgroup and its root filesystem
 * mount. Each part is attempted even when the other fails; failures are logged, not thrown,
 * because the caller is already on its way out. Undoing what is not there does nothing, so
 * recovery can run it on whatever a crash left.
 */
final class Teardown {
    private static final Logger log = LoggerFactory.getLogger(Teardown.class);

    private Teardown() {}

    static void of(Linux linux, Overlay overlay, Cgroup cgroup) {
        try {
            if (cgroup != null) {
                cgroup.destroy(true);
            }
        } catch (RuntimeException e) {
            log.warn("removing cgroup: {}", e.getMessage());
        }
        try {
            if (overlay.isMounted()) {
                overlay.unmount(linux);
            }
        } catch (RuntimeException e) {
            log.warn("unmounting {}: {}", overlay.merged(), e.getMessage());
        }
    }
}
