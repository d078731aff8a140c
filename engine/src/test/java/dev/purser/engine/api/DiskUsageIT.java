package dev.purser.engine.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.purser.engine.testing.RawHttp;
import dev.purser.engine.testing.TestDaemon;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Sizes measured, not made up: a container's writable layer (SizeRw) and whole root
 * filesystem (SizeRootFs) for {@code ps --size} and {@code inspect --size}, the space a prune
 * reclaims, and {@code /system/df}; through the raw API and the docker CLI.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class DiskUsageIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    static TestDaemon daemon;
    static long imageSize;

    @BeforeAll
    static void startDaemon() throws IOException {
        daemon = TestDaemon.start();
        daemon.docker("run", "--name", "writer", "busybox", "sh", "-c", "head -c 100000 /dev/zero > /tmp/blob");
        imageSize = get("/images/busybox/json").path("Size").asLong();
    }

    @AfterAll
    static void stopDaemon() {
        daemon.docker("rm", "-f", "writer");
        daemon.close();
    }

    private static JsonNode get(String path) throws IOException {
        RawHttp.Response r = RawHttp.json(daemon.socket(), "GET", "/v1.41" + path, null);
        assertThat(r.status()).as(r.bodyText()).isEqualTo(200);
        return JSON.readTree(r.body());
    }

    private static JsonNode listed(String name) throws IOException {
        for (JsonNode c : get("/containers/json?all=1&size=1")) {
            if (c.path("Names").get(0).asText().equals("/" + name)) {
                return c;
            }
        }
        throw new AssertionError(name + " not listed");
    }

    @Test
    void psWithSizeMeasuresTheWritableLayerAndTheWholeRoot() throws IOException {
        JsonNode c = listed("writer");
        assertThat(c.path("SizeRw").asLong()).isEqualTo(100000);
        assertThat(c.path("SizeRootFs").asLong()).isEqualTo(100000 + imageSize);
        assertThat(imageSize).isPositive();
    }

    @Test
    void psWithoutSizeSendsNoSizes() throws IOException {
        JsonNode first = get("/containers/json?all=1").get(0);
        assertThat(first.has("SizeRw")).isFalse();
    }

    @Test
    void inspectWithSizeHasTheSameSizes() throws IOException {
        JsonNode c = get("/containers/writer/json?size=1");
        assertThat(c.path("SizeRw").asLong()).isEqualTo(100000);
        assertThat(c.path("SizeRootFs").asLong()).isEqualTo(100000 + imageSize);
    }

    @Test
    void dockerPsSizeShowsTheMeasuredSizes() {
        TestDaemon.Result r = daemon.docker("ps", "-a", "-s", "--filter", "name=writer", "--format", "{{.Size}}");
        assertThat(r.outLine()).startsWith("100kB (virtual ");
    }

    @Test
    void pruneReportsTheSpaceOfTheRemovedWritableLayers() {
        daemon.docker("run", "--name", "pruned", "--label", "prune-me", "busybox", "sh", "-c", "head -c 250000 /dev/zero > /tmp/blob");
        TestDaemon.Result r = daemon.docker("container", "prune", "-f", "--filter", "label=prune-me");
        assertThat(r.out()).contains("Total reclaimed space: 250kB");
        assertThat(daemon.docker("ps", "-a", "-q", "--filter", "name=pruned").out()).isEmpty();
    }

    @Test
    void imagePruneReportsTheSizeOfTheLayersItRemoved() {
        TestDaemon.Result imported = daemon.shell("mkdir -p tiny && head -c 50000 /dev/zero > tiny/blob"
                + " && tar -C tiny -c . | docker import - tiny:1");
        assertThat(imported.exitCode()).as(imported.err()).isZero();
        TestDaemon.Result r = daemon.docker("image", "prune", "-a", "-f");
        // the layer's tree and the tar kept for save (a few hundred bytes of compressed zeros)
        assertThat(r.out()).containsPattern("Total reclaimed space: 50(\\.\\d+)?kB");
        assertThat(daemon.docker("image", "inspect", "tiny:1").exitCode()).isEqualTo(1);
    }

    @Test
    void systemDfReportsLayersImagesAndContainersWithTheirSizes() throws IOException {
        JsonNode df = get("/system/df");
        assertThat(df.path("LayersSize").asLong()).isEqualTo(imageSize);
        JsonNode image = df.path("Images").get(0);
        assertThat(image.path("Containers").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(image.path("SharedSize").asLong()).isZero();
        boolean found = false;
        for (JsonNode c : df.path("Containers")) {
            if (c.path("Names").get(0).asText().equals("/writer")) {
                assertThat(c.path("SizeRw").asLong()).isEqualTo(100000);
                found = true;
            }
        }
        assertThat(found).isTrue();
        assertThat(df.path("Volumes").isArray()).isTrue();
        assertThat(df.path("BuildCache").isArray()).isTrue();
    }

    @Test
    void dockerSystemDfPrintsDockersTable() {
        TestDaemon.Result r = daemon.docker("system", "df");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out().lines().findFirst().orElseThrow()).matches("TYPE\\s+TOTAL\\s+ACTIVE\\s+SIZE\\s+RECLAIMABLE");
        assertThat(r.out()).containsPattern("Containers\\s+\\d+\\s+0\\s+\\d+(\\.\\d+)?kB");
    }
}
