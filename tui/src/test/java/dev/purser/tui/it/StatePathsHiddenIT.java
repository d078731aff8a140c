package dev.purser.tui.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.purser.tui.it.InProcessDaemon.Result;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Errors say what went wrong without showing the daemon's state root (its directories are not the user's business). */
class StatePathsHiddenIT {
    static InProcessDaemon daemon;

    @BeforeAll
    static void startDaemon() {
        daemon = InProcessDaemon.start();
        assertThat(daemon.importBusybox().exitCode()).isZero();
    }

    @AfterAll
    static void stopDaemon() {
        daemon.close();
    }

    @Test
    void runningAnImageWhoseLayerIsGoneSaysWhichLayerAndImage() throws IOException {
        byte[] tar = dev.purser.engine.testing.BusyboxImage.rootfsTar();
        byte[] other = java.util.Arrays.copyOf(tar, tar.length + 1024); // one more empty tar block: another layer
        Result imported = daemon.purser(new ByteArrayInputStream(other), "import", "-", "damaged:latest");
        assertThat(imported.exitCode()).as(imported.err()).isZero();
        String layer = daemon.purser("inspect", "--format", "{{index .RootFS.Layers 0}}", "damaged").outLine();
        // one layer: its chain id is its diff id
        deleteTree(daemon.root().resolve("layers").resolve(layer.substring("sha256:".length())));
        Result r = daemon.purser("run", "--rm", "damaged", "true");
        assertThat(r.exitCode()).isEqualTo(125);
        assertThat(r.err()).contains("layer does not exist: layer " + layer + " of image damaged:latest is missing")
                .doesNotContain(daemon.root().toString());
    }

    /** Its own files are written again at every start: a joiner of another container binds that one's (--net container:). */
    @Test
    void startingAContainerWhoseHostnameFileIsGoneNamesTheFileNotItsPath() throws IOException {
        String target = daemon.purser("run", "-d", "busybox", "sleep", "60").outLine();
        String id = daemon.purser("create", "--net", "container:" + target, "busybox", "true").outLine();
        Files.delete(daemon.root().resolve("containers").resolve(target).resolve("hostname"));
        Result r = daemon.purser("start", id);
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).contains("container file hostname").doesNotContain(daemon.root().toString());
        daemon.purser("rm", "-f", id, target);
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
