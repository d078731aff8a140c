package dev.purser.engine.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.purser.engine.testing.RawHttp;
import dev.purser.engine.testing.TestDaemon;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Container inspect sends every property the v1.41 schema defines for it (top level,
 * HostConfig, Config, State, NetworkSettings, GraphDriver), as dockerd does: clients that read
 * a field Docker always sends must find it.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class InspectSchemaIT {
    static TestDaemon daemon;
    static JsonNode spec;

    @BeforeAll
    static void start() throws IOException {
        daemon = TestDaemon.start();
        spec = new ObjectMapper(new YAMLFactory()).readTree(EngineApiSpec.file().toFile());
        daemon.docker("create", "--name", "inspected", "busybox", "true");
        daemon.docker("run", "-d", "--name", "inspected-running", "busybox", "sleep", "1000");
    }

    @AfterAll
    static void stop() {
        daemon.docker("rm", "-f", "inspected", "inspected-running");
        daemon.close();
    }

    private static JsonNode inspect(String name, String query) throws IOException {
        RawHttp.Response r = RawHttp.json(daemon.socket(), "GET", "/v1.41/containers/" + name + "/json" + query, null);
        assertThat(r.status()).isEqualTo(200);
        return new ObjectMapper().readTree(r.body());
    }

    private static JsonNode resolve(JsonNode schema) {
        while (schema.has("$ref")) {
            String ref = schema.get("$ref").asText();
            schema = spec.path("definitions").path(ref.substring(ref.lastIndexOf('/') + 1));
        }
        return schema;
    }

    /** The schema's properties, those of allOf parts included. */
    private static Map<String, JsonNode> properties(JsonNode schema) {
        schema = resolve(schema);
        Map<String, JsonNode> out = new LinkedHashMap<>();
        for (JsonNode part : schema.path("allOf")) {
            out.putAll(properties(part));
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = schema.path("properties").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            out.put(e.getKey(), e.getValue());
        }
        return out;
    }

    /** Every property of {@code schema} missing from {@code value}, as paths; objects present are walked into. */
    private static List<String> missing(JsonNode schema, JsonNode value, String path) {
        List<String> out = new ArrayList<>();
        for (Map.Entry<String, JsonNode> p : properties(schema).entrySet()) {
            if (!value.has(p.getKey())) {
                out.add(path + p.getKey());
                continue;
            }
            JsonNode child = value.get(p.getKey());
            if (child.isObject() && !properties(p.getValue()).isEmpty()) {
                out.addAll(missing(p.getValue(), child, path + p.getKey() + "."));
            }
        }
        return out;
    }

    private static JsonNode inspectSchema() {
        return spec.path("paths").path("/containers/{id}/json").path("get").path("responses").path("200").path("schema");
    }

    @Test
    void theSchemaIsReadAndNamesTheFieldsClientsRead() {
        Map<String, JsonNode> top = properties(inspectSchema());
        assertThat(top).containsKeys("HostConfig", "Config", "State", "NetworkSettings", "SizeRw");
        assertThat(properties(top.get("HostConfig"))).containsKeys("Init", "Tmpfs", "PidMode", "CpusetCpus", "MemorySwappiness");
    }

    @Test
    void aCreatedContainersInspectWithSizeHasEveryPropertyOfTheSchema() throws IOException {
        assertThat(missing(inspectSchema(), inspect("inspected", "?size=1"), "")).isEmpty();
    }

    @Test
    void aRunningContainersInspectHasEveryPropertyOfTheSchema() throws IOException {
        assertThat(missing(inspectSchema(), inspect("inspected-running", "?size=1"), "")).isEmpty();
    }

    @Test
    void sizesAreSentOnlyWhenAskedFor() throws IOException {
        JsonNode plain = inspect("inspected", "");
        assertThat(plain.has("SizeRw")).isFalse();
        assertThat(plain.has("SizeRootFs")).isFalse();
    }

    @Test
    void theDefaultsAreDockersForAContainerThatUsesNoneOfThem() throws IOException {
        JsonNode host = inspect("inspected", "").path("HostConfig");
        assertThat(host.path("IpcMode").asText()).isEqualTo("private");
        assertThat(host.path("PidMode").asText()).isEmpty();
        assertThat(host.path("ShmSize").asLong()).isEqualTo(67108864L);
        assertThat(host.path("LogConfig").path("Type").asText()).isEqualTo("json-file");
        assertThat(host.get("MemorySwappiness").isNull()).isTrue();
        assertThat(host.get("MaskedPaths")).isNotEmpty();
    }

    @Test
    void networkSettingsOfABridgedContainerAreItsBridgeEndpoint() throws IOException {
        JsonNode net = inspect("inspected-running", "").path("NetworkSettings");
        JsonNode bridge = net.path("Networks").path("bridge");
        assertThat(net.path("IPAddress").asText()).isNotEmpty().isEqualTo(bridge.path("IPAddress").asText());
        assertThat(net.path("Gateway").asText()).isNotEmpty().isEqualTo(bridge.path("Gateway").asText());
    }
}
