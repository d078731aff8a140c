package dev.purser.engine.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.purser.engine.testing.BusyboxImage;
import dev.purser.engine.testing.TestDaemon;
import dev.purser.engine.testing.TestDaemon.Result;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /images/json}: newest first and Docker's filters, through the stock docker CLI (which
 * sends them in Docker's JSON form) against purser's daemon. Images: busybox (oldest), then
 * {@code labelled:1} with {@code LABEL tier=front}, then an untagged one (newest).
 */
class ImageListIT {
    static TestDaemon daemon;
    static String labelled;
    static String untagged;

    @BeforeAll
    static void startDaemon() {
        daemon = TestDaemon.start();
        labelled = imported(daemon.docker(BusyboxImage.rootfsTar(), "import", "-c", "LABEL tier=front", "-", "labelled:1"));
        untagged = imported(daemon.docker(BusyboxImage.rootfsTar(), "import", "-"));
    }

    private static String imported(Result r) {
        assertThat(r.exitCode()).as(r.err()).isZero();
        return r.outLine();
    }

    @AfterAll
    static void stopDaemon() {
        daemon.close();
    }

    private static List<String> images(String... filters) {
        String[] args = new String[filters.length * 2 + 3];
        args[0] = "images";
        args[1] = "--format";
        args[2] = "{{.Repository}}:{{.Tag}}";
        for (int i = 0; i < filters.length; i++) {
            args[3 + 2 * i] = "--filter";
            args[4 + 2 * i] = filters[i];
        }
        Result r = daemon.docker(args);
        assertThat(r.exitCode()).as(r.err()).isZero();
        return r.out().lines().toList();
    }

    @Test
    void imagesAreListedNewestFirst() {
        assertThat(images()).containsExactly("<none>:<none>", "labelled:1", "busybox:latest");
    }

    @Test
    void danglingTrueListsTheUntaggedImage() {
        assertThat(images("dangling=true")).containsExactly("<none>:<none>");
        assertThat(daemon.docker("images", "-q", "--no-trunc", "--filter", "dangling=true").outLine()).isEqualTo(untagged);
    }

    @Test
    void danglingFalseListsTheTaggedImages() {
        assertThat(images("dangling=false")).containsExactly("labelled:1", "busybox:latest");
    }

    @Test
    void referenceIsAPattern() {
        assertThat(images("reference=lab*")).containsExactly("labelled:1");
        assertThat(images("reference=busybox:latest")).containsExactly("busybox:latest");
    }

    @Test
    void theRepositoryArgumentIsAReference() {
        Result r = daemon.docker("images", "--format", "{{.Repository}}", "busybox");
        assertThat(r.outLine()).isEqualTo("busybox");
    }

    @Test
    void beforeAndSinceCompareCreationTimes() {
        assertThat(images("before=labelled:1")).containsExactly("busybox:latest");
        assertThat(images("since=labelled:1")).containsExactly("<none>:<none>");
    }

    @Test
    void labelMatchesKeyAndValue() {
        assertThat(images("label=tier")).containsExactly("labelled:1");
        assertThat(images("label=tier=front")).containsExactly("labelled:1");
        assertThat(images("label=tier=back")).isEmpty();
    }

    @Test
    void anUnknownFilterIsDockersError() {
        Result r = daemon.docker("images", "--filter", "status=running");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).isEqualTo("Error response from daemon: invalid filter 'status'\n");
    }

    @Test
    void aBadDanglingValueIsDockersError() {
        Result r = daemon.docker("images", "--filter", "dangling=maybe");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).isEqualTo("Error response from daemon: invalid filter 'dangling=maybe'\n");
    }

    @Test
    void beforeAnImageThatDoesNotExistIsNoSuchImage() {
        Result r = daemon.docker("images", "--filter", "before=nope");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).isEqualTo("Error response from daemon: No such image: nope\n");
    }
}
