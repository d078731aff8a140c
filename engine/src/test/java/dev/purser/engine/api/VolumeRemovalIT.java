package dev.purser.engine.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.purser.engine.testing.TestDaemon;
import dev.purser.engine.testing.TestDaemon.Result;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Removing containers' volumes (issue 12, second part): {@code rm -v} and {@code --rm} take anonymous volumes and keep
 * named ones and ones still in use, and a volume in use is not removed, through the stock docker CLI and the raw API
 * of a real daemon.
 */
class VolumeRemovalIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    static TestDaemon daemon;
    static UnixHttp http;
    static VolumeQueries volumes;

    @BeforeAll
    static void startDaemon() {
        daemon = TestDaemon.start();
        http = new UnixHttp(daemon.socket());
        volumes = new VolumeQueries(daemon);
    }

    @AfterAll
    static void stopDaemon() {
        daemon.close();
    }

    @Test
    void rmVRemovesAnonymousVolumesAndKeepsNamedOnes() throws IOException {
        String named = VolumeQueries.unique("named");
        String name = VolumeQueries.unique("c");
        volumes.ok("run", "--name", name, "-v", named + ":/named", "-v", "/anon", "busybox", "true");
        String anon = volumes.anonymousOf(name, "/anon");
        volumes.ok("rm", "-v", name);
        assertThat(volumes.exists(anon)).isFalse();
        assertThat(volumes.exists(named)).isTrue();
        volumes.ok("volume", "rm", named);
    }

    @Test
    void rmWithoutVKeepsAnonymousVolumes() throws IOException {
        String name = VolumeQueries.unique("c");
        volumes.ok("run", "--name", name, "-v", "/anon", "busybox", "true");
        String anon = volumes.anonymousOf(name, "/anon");
        volumes.ok("rm", name);
        assertThat(volumes.exists(anon)).isTrue();
        volumes.ok("volume", "rm", anon);
    }

    @Test
    void runRmRemovesTheContainersAnonymousVolumes() {
        List<String> before = volumes.names();
        String named = VolumeQueries.unique("kept");
        volumes.ok("run", "--rm", "-v", "/scratch", "-v", named + ":/kept", "busybox", "touch", "/scratch/x");
        List<String> after = new ArrayList<>(volumes.names());
        after.removeAll(before);
        assertThat(after).containsExactly(named);
        volumes.ok("volume", "rm", named);
    }

    @Test
    void rmVKeepsAnAnonymousVolumeAnotherContainerStillUses() throws IOException {
        String holder = VolumeQueries.unique("holder");
        String user = VolumeQueries.unique("user");
        volumes.ok("create", "--name", holder, "-v", "/shared", "busybox", "true");
        volumes.ok("create", "--name", user, "--volumes-from", holder, "busybox", "true");
        String anon = volumes.anonymousOf(holder, "/shared");
        volumes.ok("rm", "-v", holder);
        assertThat(volumes.exists(anon)).isTrue();
        volumes.ok("rm", "-v", user);
        assertThat(volumes.exists(anon)).isFalse();
    }

    @Test
    void aVolumeInUseIsNotRemovedRunningOrNot() throws IOException {
        String vol = VolumeQueries.unique("busy");
        String name = VolumeQueries.unique("c");
        String id = volumes.ok("create", "--name", name, "-v", vol + ":/data", "busybox", "true").outLine();
        Result r = daemon.docker("volume", "rm", vol);
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).contains("remove " + vol + ": volume is in use - [" + id + "]");
        UnixHttp.Response api = http.send("DELETE", "/v1.41/volumes/" + vol + "?force=1", "");
        assertThat(api.status()).isEqualTo(409);
        assertThat(JSON.readTree(api.body()).get("message").asText()).isEqualTo("remove " + vol + ": volume is in use - [" + id + "]");
        assertThat(volumes.exists(vol)).isTrue();
        volumes.ok("rm", name);
        volumes.ok("volume", "rm", vol);
    }
}
