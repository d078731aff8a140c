package dev.purser.engine.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.purser.engine.testing.TestDaemon;
import dev.purser.engine.testing.TestDaemon.Result;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code --volumes-from} (issue 12, second part): the book's volume container, binds taken too, and Docker's error for
 * a missing container, through the stock docker CLI of a real daemon.
 */
class VolumesFromIT {
    static TestDaemon daemon;
    static VolumeQueries volumes;

    @BeforeAll
    static void startDaemon() {
        daemon = TestDaemon.start();
        volumes = new VolumeQueries(daemon);
    }

    @AfterAll
    static void stopDaemon() {
        daemon.close();
    }

    /** The book's volume container: a container that only holds a volume, used by others whether it runs or not. */
    @Test
    void volumesFromTakesTheVolumesOfAStoppedContainer() {
        String shared = VolumeQueries.unique("cass-shared");
        volumes.ok("run", "-d", "--volume", "/var/lib/cassandra/data", "--name", shared, "busybox", "echo", "Data Container");
        volumes.ok("wait", shared);
        volumes.ok("run", "--rm", "--volumes-from", shared, "busybox", "sh", "-c", "echo row > /var/lib/cassandra/data/t");
        assertThat(volumes.ok("run", "--rm", "--volumes-from", shared, "busybox", "cat", "/var/lib/cassandra/data/t").outLine())
                .isEqualTo("row");
        Result ro = daemon.docker("run", "--rm", "--volumes-from", shared + ":ro", "busybox", "touch", "/var/lib/cassandra/data/u");
        assertThat(ro.exitCode()).isEqualTo(1);
        assertThat(ro.err()).contains("Read-only file system");
        volumes.ok("rm", "-v", shared);
    }

    @Test
    void volumesFromTakesBindsToo() throws IOException {
        Path dir = Files.createDirectories(daemon.engine().root().resolve(VolumeQueries.unique("host")));
        Files.writeString(dir.resolve("f"), "bound\n");
        String source = VolumeQueries.unique("binder");
        volumes.ok("create", "--name", source, "-v", dir + ":/bound", "busybox", "true");
        assertThat(volumes.ok("run", "--rm", "--volumes-from", source, "busybox", "cat", "/bound/f").outLine()).isEqualTo("bound");
        volumes.ok("rm", source);
    }

    @Test
    void volumesFromAMissingContainerIsDockersError() {
        List<String> before = volumes.names();
        Result r = daemon.docker("run", "--rm", "--volumes-from", "no-such-container", "busybox", "true");
        assertThat(r.exitCode()).isEqualTo(125);
        assertThat(r.err()).contains("No such container: no-such-container");
        assertThat(volumes.names()).isEqualTo(before);
    }
}
