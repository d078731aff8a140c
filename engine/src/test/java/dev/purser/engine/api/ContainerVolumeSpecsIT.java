package dev.purser.engine.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.purser.engine.testing.TestDaemon;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The volume specs of a container over the raw API of a real daemon (issue 12, second part): bad ones get Docker's
 * message with a 400 and change nothing, {@code Config.Volumes} makes anonymous volumes and {@code --mount} volume
 * options label the volume they create.
 */
class ContainerVolumeSpecsIT {
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

    /** Each bad volume spec of a container gets Docker's message with a 400, and no container or volume. */
    @TestFactory
    Stream<DynamicTest> badVolumeSpecsGetDockersErrorAndChangeNothing() {
        List<DynamicTest> tests = new ArrayList<>();
        tests.add(refused("a volume name with a slash", b -> binds(b, "data/x:/data"),
                "create data/x: \"data/x\" includes invalid characters for a local volume name, only \"[a-zA-Z0-9][a-zA-Z0-9_.-]\""
                        + " are allowed. If you intended to pass a host directory, use absolute path"));
        tests.add(refused("a one-letter volume name", b -> binds(b, "a:/data"),
                "create a: volume name is too short, names should be at least two alphanumeric characters"));
        tests.add(refused("a volume with a relative destination", b -> binds(b, "good-name:data"),
                "invalid volume specification: 'good-name:data': invalid mount config for type \"volume\": invalid mount path: 'data' mount path must be absolute"));
        tests.add(refused("a volume with propagation", b -> binds(b, "good-name:/data:rslave"),
                "invalid volume specification: 'good-name:/data:rslave': invalid mount config for type \"volume\": field BindOptions must not be specified"));
        tests.add(refused("the same destination for a volume and a bind", b -> binds(b, "good-name:/data", "/tmp:/data"),
                "Duplicate mount point: /data"));
        tests.add(refused("a read-only anonymous --mount volume", b -> mount(b, "volume", "", "/data").put("ReadOnly", true),
                "invalid mount config for type \"volume\": must not set ReadOnly mode when using anonymous volumes"));
        tests.add(refused("a --mount volume of another driver", b -> mount(b, "volume", "good-name", "/data")
                        .putObject("VolumeOptions").putObject("DriverConfig").put("Name", "nfs"),
                "purser does not support the volume driver \"nfs\" (HostConfig.Mounts.VolumeOptions.DriverConfig.Name) yet"));
        tests.add(refused("--volumes-from with a propagation", b -> b.with("HostConfig").putArray("VolumesFrom").add("x:rslave"),
                "invalid mode: rslave"));
        tests.add(refused("Config.Volumes with a relative path", b -> b.putObject("Volumes").putObject("data"),
                "invalid mount config for type \"volume\": invalid mount path: 'data' mount path must be absolute"));
        tests.add(refused("a volume driver", b -> b.with("HostConfig").put("VolumeDriver", "nfs"),
                "purser does not support HostConfig.VolumeDriver yet"));
        return tests.stream();
    }

    private static void binds(ObjectNode body, String... binds) {
        var array = body.with("HostConfig").putArray("Binds");
        for (String b : binds) {
            array.add(b);
        }
    }

    private static ObjectNode mount(ObjectNode body, String type, String source, String target) {
        ObjectNode m = body.with("HostConfig").putArray("Mounts").addObject().put("Type", type).put("Target", target);
        if (!source.isEmpty()) {
            m.put("Source", source);
        }
        return m;
    }

    private static DynamicTest refused(String name, Consumer<ObjectNode> set, String message) {
        return DynamicTest.dynamicTest(name, () -> {
            ObjectNode body = JSON.createObjectNode().put("Image", "busybox");
            body.putArray("Cmd").add("true");
            set.accept(body);
            int before = JSON.readTree(http.send("GET", "/v1.41/containers/json?all=1", "").body()).size();
            List<String> volumesBefore = volumes.names();
            UnixHttp.Response r = http.send("POST", "/v1.41/containers/create", body.toString());
            assertThat(r.status()).as(body + " -> " + r.body()).isEqualTo(400);
            assertThat(JSON.readTree(r.body()).get("message").asText()).isEqualTo(message);
            assertThat(JSON.readTree(http.send("GET", "/v1.41/containers/json?all=1", "").body()).size()).isEqualTo(before);
            assertThat(volumes.names()).isEqualTo(volumesBefore);
        });
    }

    @Test
    void configVolumesOverTheApiAreAnonymousVolumes() throws IOException {
        ObjectNode body = JSON.createObjectNode().put("Image", "busybox");
        body.putArray("Cmd").add("true");
        body.putObject("Volumes").putObject("/cache");
        UnixHttp.Response r = http.send("POST", "/v1.41/containers/create", body.toString());
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        String id = JSON.readTree(r.body()).get("Id").asText();
        String anon = volumes.anonymousOf(id, "/cache");
        assertThat(JSON.readTree(volumes.ok("volume", "inspect", anon).out()).get(0).get("Labels").has("com.docker.volume.anonymous")).isTrue();
        assertThat(http.send("DELETE", "/v1.41/containers/" + id + "?v=1", "").status()).isEqualTo(204);
        assertThat(volumes.exists(anon)).isFalse();
    }

    @Test
    void mountVolumeLabelsLabelTheVolumeItCreates() throws IOException {
        String vol = VolumeQueries.unique("labelled");
        ObjectNode body = JSON.createObjectNode().put("Image", "busybox");
        body.putArray("Cmd").add("true");
        ObjectNode options = mount(body, "volume", vol, "/l").putObject("VolumeOptions");
        options.putObject("Labels").put("tier", "db");
        options.putObject("DriverConfig").put("Name", "local");
        UnixHttp.Response r = http.send("POST", "/v1.41/containers/create", body.toString());
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        assertThat(volumes.ok("volume", "inspect", "-f", "{{.Labels.tier}}", vol).outLine()).isEqualTo("db");
        volumes.ok("rm", JSON.readTree(r.body()).get("Id").asText());
        volumes.ok("volume", "rm", vol);
    }
}
