package dev.purser.engine.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.purser.engine.testing.TestDaemon;
import dev.purser.engine.testing.TestDaemon.Result;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;


/**
 * The {@code /volumes} endpoints and the docker volume commands against a real daemon: create,
 * inspect, list and its filters, remove, prune, {@code system df} and volume events, with
 * Docker's status codes and messages.
 */
class VolumeApiIT {
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
    void dockerVolumeCreateInspectLsAndRm() throws IOException {
        String vol = VolumeQueries.unique("cli");
        assertThat(volumes.ok("volume", "create", "--label", "app=web", vol).outLine()).isEqualTo(vol);
        JsonNode v = JSON.readTree(volumes.ok("volume", "inspect", vol).out()).get(0);
        assertThat(v.get("Name").asText()).isEqualTo(vol);
        assertThat(v.get("Driver").asText()).isEqualTo("local");
        assertThat(v.get("Scope").asText()).isEqualTo("local");
        assertThat(v.get("Labels").get("app").asText()).isEqualTo("web");
        assertThat(v.get("Mountpoint").asText()).isEqualTo(daemon.engine().root().resolve("volumes/" + vol + "/_data").toString());
        assertThat(v.get("CreatedAt").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
        assertThat(volumes.ok("volume", "ls", "--filter", "label=app=web", "--format", "{{.Driver}} {{.Name}}").out().lines())
                .contains("local " + vol);
        assertThat(volumes.ok("volume", "ls", "-q", "--filter", "name=" + vol).outLine()).isEqualTo(vol);
        assertThat(volumes.ok("volume", "rm", vol).outLine()).isEqualTo(vol);
        Result gone = daemon.docker("volume", "inspect", vol);
        assertThat(gone.exitCode()).isEqualTo(1);
        assertThat(gone.err()).contains("get " + vol + ": no such volume");
    }

    @Test
    void danglingFilterListsOnlyVolumesNoContainerUses() {
        String used = VolumeQueries.unique("used");
        String free = VolumeQueries.unique("free");
        String name = VolumeQueries.unique("c");
        volumes.ok("volume", "create", free);
        volumes.ok("create", "--name", name, "-v", used + ":/u", "busybox", "true");
        List<String> dangling = volumes.ok("volume", "ls", "-q", "--filter", "dangling=true").out().lines().toList();
        assertThat(dangling).contains(free).doesNotContain(used);
        assertThat(volumes.ok("volume", "ls", "-q", "--filter", "dangling=false").out().lines()).contains(used).doesNotContain(free);
        volumes.ok("rm", name);
        volumes.ok("volume", "rm", used, free);
    }

    @Test
    void pruneRemovesUnusedAnonymousVolumesAndWithAllNamedOnes() throws IOException {
        String named = VolumeQueries.unique("prunable");
        volumes.ok("volume", "create", named);
        String name = VolumeQueries.unique("c");
        volumes.ok("run", "--name", name, "-v", "/anon", "busybox", "sh", "-c", "echo 1234 > /anon/f");
        String anon = volumes.anonymousOf(name, "/anon");
        volumes.ok("rm", name);
        Result r = volumes.ok("volume", "prune", "-f");
        assertThat(r.out()).contains(anon).doesNotContain(named);
        assertThat(volumes.exists(anon)).isFalse();
        assertThat(volumes.exists(named)).isTrue();
        UnixHttp.Response all = http.send("POST", "/v1.47/volumes/prune?filters="
                + URLEncoder.encode("{\"all\":[\"true\"]}", StandardCharsets.UTF_8), "");
        assertThat(all.status()).isEqualTo(200);
        assertThat(JSON.readTree(all.body()).get("VolumesDeleted").toString()).contains(named);
        assertThat(volumes.exists(named)).isFalse();
    }

    @Test
    void createOverTheApiIs201AndANameThatExistsReturnsTheVolume() throws IOException {
        String vol = VolumeQueries.unique("api");
        UnixHttp.Response first = http.send("POST", "/v1.41/volumes/create", "{\"Name\":\"" + vol + "\",\"Labels\":{\"a\":\"1\"}}");
        assertThat(first.status()).isEqualTo(201);
        UnixHttp.Response again = http.send("POST", "/v1.41/volumes/create", "{\"Name\":\"" + vol + "\",\"Labels\":{\"b\":\"2\"}}");
        assertThat(again.status()).isEqualTo(201);
        assertThat(JSON.readTree(again.body()).get("Labels").toString()).isEqualTo("{\"a\":\"1\"}");
        UnixHttp.Response list = http.send("GET", "/v1.41/volumes", "");
        JsonNode listed = JSON.readTree(list.body());
        assertThat(listed.has("Warnings")).isTrue();
        assertThat(listed.get("Volumes").toString()).contains("\"Name\":\"" + vol + "\"");
        assertThat(http.send("DELETE", "/v1.41/volumes/" + vol, "").status()).isEqualTo(204);
        UnixHttp.Response missing = http.send("DELETE", "/v1.41/volumes/" + vol, "");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.body()).contains("get " + vol + ": no such volume");
        assertThat(http.send("DELETE", "/v1.41/volumes/" + vol + "?force=1", "").status()).isEqualTo(204);
    }

    @TestFactory
    Stream<DynamicTest> badVolumeCreatesAreRefusedAndCreateNothing() {
        List<DynamicTest> tests = new ArrayList<>();
        tests.add(badCreate("a name with a slash", "{\"Name\":\"a/b\"}", 400, "\"a/b\" includes invalid characters"));
        tests.add(badCreate("a one-letter name", "{\"Name\":\"a\"}", 400, "volume name is too short"));
        tests.add(badCreate("another driver", "{\"Name\":\"nfsvol\",\"Driver\":\"nfs\"}", 400, "\"nfs\""));
        tests.add(badCreate("driver options", "{\"Name\":\"optvol\",\"DriverOpts\":{\"type\":\"tmpfs\"}}", 400, "(type)"));
        return tests.stream();
    }

    private static DynamicTest badCreate(String name, String body, int status, String message) {
        return DynamicTest.dynamicTest(name, () -> {
            List<String> before = volumes.names();
            UnixHttp.Response r = http.send("POST", "/v1.41/volumes/create", body);
            assertThat(r.status()).as(r.body()).isEqualTo(status);
            assertThat(JSON.readTree(r.body()).get("message").asText()).contains(message);
            assertThat(volumes.names()).isEqualTo(before);
            try (Stream<Path> entries = Files.list(daemon.engine().root().resolve("volumes"))) {
                assertThat(entries.map(p -> p.getFileName().toString())).allMatch(n -> !n.startsWith("."));
            }
        });
    }

    @Test
    void systemDfCountsVolumesWithTheirSizeAndUsers() throws IOException {
        String vol = VolumeQueries.unique("df");
        String name = VolumeQueries.unique("c");
        volumes.ok("run", "--name", name, "-v", vol + ":/d", "busybox", "sh", "-c", "printf 1234567890 > /d/f");
        JsonNode df = JSON.readTree(http.send("GET", "/v1.41/system/df", "").body());
        JsonNode row = null;
        for (JsonNode v : df.get("Volumes")) {
            if (v.get("Name").asText().equals(vol)) {
                row = v;
            }
        }
        assertThat(row).as(df.get("Volumes").toString()).isNotNull();
        assertThat(row.get("UsageData").get("Size").asLong()).isEqualTo(10);
        assertThat(row.get("UsageData").get("RefCount").asLong()).isEqualTo(1);
        assertThat(volumes.ok("system", "df", "--format", "{{.Type}}").out()).contains("Local Volumes");
        volumes.ok("rm", name);
        volumes.ok("volume", "rm", vol);
    }

    @Test
    void volumeEventsAreCreateMountUnmountAndDestroy() {
        String vol = VolumeQueries.unique("events");
        String since = Long.toString(Instant.now().getEpochSecond() - 1);
        volumes.ok("run", "--rm", "-v", vol + ":/e", "busybox", "true");
        volumes.ok("volume", "rm", vol);
        String until = Long.toString(Instant.now().getEpochSecond() + 1);
        List<String> actions = volumes.ok("events", "--since", since, "--until", until, "--filter", "type=volume",
                "--filter", "volume=" + vol, "--format", "{{.Action}}").out().lines().toList();
        assertThat(actions).containsExactly("create", "mount", "unmount", "destroy");
    }
}
