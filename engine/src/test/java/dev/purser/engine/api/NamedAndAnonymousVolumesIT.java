package dev.purser.engine.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.purser.engine.testing.TestDaemon;
import dev.purser.engine.testing.TestDaemon.Result;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Named and anonymous volumes of containers (issue 12, second part): data that outlives its container, anonymous volumes
 * and how inspect shows volumes, the book's read-only container over anonymous volumes and tmpfs, and {@code ps --filter
 * volume=}, through the stock docker CLI of a real daemon.
 */
class NamedAndAnonymousVolumesIT {
    private static final ObjectMapper JSON = new ObjectMapper();
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

    @Test
    void aFileWrittenIntoANamedVolumeIsThereForTheNextContainer() {
        String vol = VolumeQueries.unique("notes");
        volumes.ok("run", "--name", vol + "-writer", "-v", vol + ":/notes", "busybox", "sh", "-c", "echo kept > /notes/n.txt");
        volumes.ok("rm", vol + "-writer");
        assertThat(volumes.ok("run", "--rm", "-v", vol + ":/notes", "busybox", "cat", "/notes/n.txt").outLine()).isEqualTo("kept");
        volumes.ok("volume", "rm", vol);
    }

    @Test
    void anFsyncedWriteSurvivesItsContainerBeingKilled() throws Exception {
        String vol = VolumeQueries.unique("synced");
        String id = volumes.ok("run", "-d", "-v", vol + ":/v", "busybox", "sh", "-c",
                "echo durable > /v/f && sync /v/f && echo written && exec sleep 600").outLine();
        awaitLog(id, "written");
        volumes.ok("kill", id);
        volumes.ok("rm", id);
        assertThat(volumes.ok("run", "--rm", "-v", vol + ":/v", "busybox", "cat", "/v/f").outLine()).isEqualTo("durable");
        volumes.ok("volume", "rm", vol);
    }

    private static void awaitLog(String id, String text) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (!volumes.ok("logs", id).out().contains(text)) {
            assertThat(Instant.now()).as("log of " + id + " shows " + text).isBefore(deadline);
            Thread.onSpinWait();
        }
    }

    @Test
    void anAnonymousVolumeIsA64HexVolumeShownInInspect() throws IOException {
        String name = VolumeQueries.unique("anon");
        volumes.ok("run", "--name", name, "-v", "/var/lib/data", "busybox", "touch", "/var/lib/data/x");
        JsonNode mounts = JSON.readTree(volumes.ok("inspect", "-f", "{{json .Mounts}}", name).outLine());
        assertThat(mounts).hasSize(1);
        JsonNode m = mounts.get(0);
        String vol = m.get("Name").asText();
        assertThat(vol).matches("[0-9a-f]{64}");
        assertThat(m.get("Type").asText()).isEqualTo("volume");
        assertThat(m.get("Source").asText()).isEqualTo(daemon.engine().root().resolve("volumes").resolve(vol).resolve("_data").toString());
        assertThat(m.get("Destination").asText()).isEqualTo("/var/lib/data");
        assertThat(m.get("Driver").asText()).isEqualTo("local");
        assertThat(m.get("RW").asBoolean()).isTrue();
        assertThat(m.get("Propagation").asText()).isEmpty();
        assertThat(Path.of(m.get("Source").asText()).resolve("x")).isRegularFile();
        volumes.ok("rm", "-v", name);
    }

    @Test
    void inspectShowsANamedVolumeAsDockerDoes() throws IOException {
        String vol = VolumeQueries.unique("shown");
        String name = VolumeQueries.unique("c");
        volumes.ok("create", "--name", name, "-v", vol + ":/data:ro", "busybox", "true");
        JsonNode m = JSON.readTree(volumes.ok("inspect", "-f", "{{json .Mounts}}", name).outLine()).get(0);
        List<String> keys = new ArrayList<>();
        m.fieldNames().forEachRemaining(keys::add);
        assertThat(keys).containsExactly("Type", "Name", "Source", "Destination", "Driver", "Mode", "RW", "Propagation");
        assertThat(m.get("Name").asText()).isEqualTo(vol);
        assertThat(m.get("Mode").asText()).isEqualTo("ro");
        assertThat(m.get("RW").asBoolean()).isFalse();
        volumes.ok("rm", name);
        volumes.ok("volume", "rm", vol);
    }

    /** The book's read-only WordPress container: / refuses writes, its anonymous volumes and tmpfs do not. */
    @Test
    void aReadOnlyContainerWritesToItsAnonymousVolumesAndTmpfs() {
        Result r = daemon.docker("run", "--rm", "--read-only", "--tmpfs", "/run:rw,size=64m,mode=1777",
                "-v", "/run/lock/apache2/", "-v", "/run/apache2/", "busybox", "sh", "-c",
                "touch /rootfile; echo root=$?; touch /run/apache2/pid /run/lock/apache2/lock /run/t && echo ok");
        assertThat(r.out().lines().toList()).as(r.err()).containsExactly("root=1", "ok");
        assertThat(r.err()).contains("touch: /rootfile: Read-only file system");
    }

    @Test
    void psVolumeFilterMatchesAVolumesNameOrDestination() {
        String vol = VolumeQueries.unique("ps");
        String name = VolumeQueries.unique("c");
        volumes.ok("create", "--name", name, "-v", vol + ":/psdata", "busybox", "true");
        assertThat(volumes.ok("ps", "-a", "--filter", "volume=" + vol, "--format", "{{.Names}}").outLine()).isEqualTo(name);
        assertThat(volumes.ok("ps", "-a", "--filter", "volume=/psdata", "--format", "{{.Names}}").outLine()).isEqualTo(name);
        volumes.ok("rm", name);
        volumes.ok("volume", "rm", vol);
    }
}
