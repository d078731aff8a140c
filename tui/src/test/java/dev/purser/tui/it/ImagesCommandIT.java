package dev.purser.tui.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.purser.tui.it.InProcessDaemon.Result;
import java.io.ByteArrayInputStream;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code purser images}: newest first, and --filter passed to the daemon, whose rules they are. */
class ImagesCommandIT {
    static InProcessDaemon daemon;

    @BeforeAll
    static void startDaemon() {
        daemon = InProcessDaemon.start();
        assertThat(daemon.importBusybox().exitCode()).isZero();
        byte[] tar = dev.purser.engine.testing.BusyboxImage.rootfsTar();
        assertThat(daemon.purser(new ByteArrayInputStream(tar), "import", "-c", "LABEL tier=front", "-", "web:1").exitCode()).isZero();
        assertThat(daemon.purser(new ByteArrayInputStream(tar), "import", "-").exitCode()).isZero();
    }

    @AfterAll
    static void stopDaemon() {
        daemon.close();
    }

    private static List<String> images(String... args) {
        List<String> all = new java.util.ArrayList<>(List.of("images", "--format", "{{.Repository}}:{{.Tag}}"));
        all.addAll(List.of(args));
        Result r = daemon.purser(all.toArray(String[]::new));
        assertThat(r.exitCode()).as(r.err()).isZero();
        return r.out().lines().toList();
    }

    @Test
    void imagesAreListedNewestFirst() {
        assertThat(images()).containsExactly("<none>:<none>", "web:1", "busybox:latest");
    }

    @Test
    void danglingFilters() {
        assertThat(images("--filter", "dangling=true")).containsExactly("<none>:<none>");
        assertThat(images("-f", "dangling=false")).containsExactly("web:1", "busybox:latest");
    }

    @Test
    void referenceBeforeSinceAndLabelFilters() {
        assertThat(images("--filter", "reference=web")).containsExactly("web:1");
        assertThat(images("--filter", "before=web:1")).containsExactly("busybox:latest");
        assertThat(images("--filter", "since=web:1")).containsExactly("<none>:<none>");
        assertThat(images("--filter", "label=tier=front")).containsExactly("web:1");
    }

    @Test
    void theRepositoryArgumentAndAFilterMustBothMatch() {
        assertThat(images("--filter", "dangling=false", "busybox")).containsExactly("busybox:latest");
    }

    @Test
    void anUnknownFilterIsTheDaemonsError() {
        Result r = daemon.purser("images", "--filter", "status=running");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).isEqualTo("Error response from daemon: invalid filter 'status'\n");
    }

    @Test
    void aFilterWithoutAnEqualsSignIsAUsageError() {
        Result r = daemon.purser("images", "--filter", "bogus");
        assertThat(r.exitCode()).isEqualTo(125);
        assertThat(r.err()).isEqualTo("invalid argument \"bogus\" for \"-f, --filter\" flag: bad format of filter (expected name=value)\n\n"
                + "Usage:  purser images [OPTIONS] [REPOSITORY[:TAG]]\n\nRun 'purser images --help' for more information\n");
    }
}
