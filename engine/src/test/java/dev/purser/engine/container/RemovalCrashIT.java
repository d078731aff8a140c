package dev.purser.engine.container;

import static org.assertj.core.api.Assertions.assertThat;

import dev.purser.engine.testing.ContainerRemains;
import dev.purser.engine.testing.DaemonProcess;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A daemon that dies during {@code rm -f} of a running container, at each step of the removal,
 * restarts with the removal finished: no record, directory, mount, cgroup or process is left.
 */
class RemovalCrashIT {
    DaemonProcess daemon;

    @AfterEach
    void stopDaemon() {
        if (daemon != null) {
            daemon.close();
        }
    }

    @ParameterizedTest
    @EnumSource(RemovalStep.class)
    void aRemovalInterruptedAtThisStepIsFinishedByTheNextStart(RemovalStep step) {
        Path dir = Path.of("/tmp/purser-it", "rmcrash-" + UUID.randomUUID().toString().substring(0, 8));
        daemon = DaemonProcess.start(dir, Map.of(RemovalStep.HALT_PROPERTY, step.name()));
        daemon.importBusybox();
        String id = daemon.docker("run", "-d", "busybox", "sleep", "1000").line();
        assertThat(id).matches("[0-9a-f]{64}");

        daemon.docker("rm", "-f", id);
        assertThat(daemon.awaitEnd()).as("the daemon halted at " + step).isEqualTo(137);
        daemon.launch(Map.of());

        assertThat(daemon.docker("container", "inspect", id).out()).contains("No such container: " + id);
        assertThat(ContainerRemains.after10s(daemon.state(), id)).isEmpty();
    }
}
