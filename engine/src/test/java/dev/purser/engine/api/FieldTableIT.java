package dev.purser.engine.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.purser.engine.testing.TestDaemon;
import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The field table: every property the Engine API v1.41 gives ContainerConfig, HostConfig,
 * NetworkingConfig (and its EndpointSettings), an exec's config and an update's body is in
 * {@link RequestBodies}, either applied (and then a test below names the test that proves it)
 * or refused (and then the daemon really refuses it, naming it, and creates nothing).
 */
class FieldTableIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    static TestDaemon daemon;
    static UnixHttp http;
    static JsonNode spec;
    static String containerId;

    /** A table and the v1.41 definition it must cover, with the label its fields carry in messages. */
    record Section(String name, BodySchema schema, List<String> specProperties, Map<String, JsonNode> specTypes) {}

    @BeforeAll
    static void start() throws IOException {
        spec = new ObjectMapper(new YAMLFactory()).readTree(EngineApiSpec.file().toFile());
        daemon = TestDaemon.start();
        http = new UnixHttp(daemon.socket());
        UnixHttp.Response r = http.send("POST", "/v1.41/containers/create?name=field-table",
                "{\"Image\":\"busybox\",\"Cmd\":[\"true\"]}");
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        containerId = JSON.readTree(r.body()).get("Id").asText();
    }

    @AfterAll
    static void stop() {
        daemon.close();
    }

    private static JsonNode definition(String name) {
        return spec.get("definitions").get(name);
    }

    /** A schema's properties, following allOf and $ref as the swagger composes them. */
    private static Map<String, JsonNode> properties(JsonNode schema) {
        Map<String, JsonNode> out = new java.util.LinkedHashMap<>();
        if (schema.has("$ref")) {
            return properties(definition(schema.get("$ref").asText().replace("#/definitions/", "")));
        }
        if (schema.has("allOf")) {
            for (JsonNode part : schema.get("allOf")) {
                out.putAll(properties(part));
            }
        }
        if (schema.has("properties")) {
            schema.get("properties").fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue()));
        }
        return out;
    }

    private static JsonNode bodySchema(String path) {
        for (JsonNode p : spec.get("paths").get(path).get("post").get("parameters")) {
            if (p.path("in").asText().equals("body")) {
                return p.get("schema");
            }
        }
        throw new IllegalStateException("no body for " + path);
    }

    private static Section section(String name, BodySchema schema, Map<String, JsonNode> props) {
        return new Section(name, schema, List.copyOf(props.keySet()), props);
    }

    static List<Section> sections() {
        Map<String, JsonNode> create = properties(definition("ContainerConfig"));
        create.putAll(properties(bodySchema("/containers/create")));
        return List.of(
                section("ContainerConfig (with the create body's HostConfig and NetworkingConfig)", RequestBodies.CREATE, create),
                section("HostConfig", RequestBodies.HOST_CONFIG, properties(definition("HostConfig"))),
                section("NetworkingConfig", RequestBodies.NETWORKING_CONFIG, properties(definition("NetworkingConfig"))),
                section("EndpointSettings", RequestBodies.ENDPOINT_SETTINGS.withLabel("NetworkingConfig.EndpointsConfig.default.", ""),
                        properties(definition("EndpointSettings"))),
                section("EndpointIPAMConfig", RequestBodies.ENDPOINT_IPAM_CONFIG, properties(definition("EndpointIPAMConfig"))),
                section("Mount", RequestBodies.MOUNT, properties(definition("Mount"))),
                section("Mount.BindOptions", RequestBodies.BIND_OPTIONS,
                        properties(definition("Mount").get("properties").get("BindOptions"))),
                section("Mount.VolumeOptions", RequestBodies.VOLUME_OPTIONS,
                        properties(definition("Mount").get("properties").get("VolumeOptions"))),
                section("Mount.TmpfsOptions", RequestBodies.TMPFS_OPTIONS,
                        properties(definition("Mount").get("properties").get("TmpfsOptions"))),
                section("ExecConfig", RequestBodies.EXEC, properties(bodySchema("/containers/{id}/exec"))),
                section("the update body", RequestBodies.UPDATE, properties(bodySchema("/containers/{id}/update"))));
    }

    /** The create body's HostConfig and NetworkingConfig: tables of their own, walked as sections. */
    private static boolean isSection(BodyField f) {
        return f.nested() == RequestBodies.HOST_CONFIG || f.nested() == RequestBodies.NETWORKING_CONFIG;
    }

    @Test
    void everyPropertyOfTheSpecIsAppliedOrRefused() {
        List<String> missing = new ArrayList<>();
        for (Section s : sections()) {
            for (String p : s.specProperties()) {
                BodyField f = s.schema().field(p);
                if (f == null || !f.name().equals(p)) {
                    missing.add(s.name() + "." + p);
                }
            }
        }
        assertThat(missing).as("properties in neither list").isEmpty();
        long applied = sections().stream().flatMap(s -> s.specProperties().stream().map(s.schema()::field))
                .filter(f -> !isSection(f) && f.applied()).count();
        long all = sections().stream().flatMap(s -> s.specProperties().stream().map(s.schema()::field))
                .filter(f -> !isSection(f)).count();
        // the figures the issue's closing note asks for
        System.out.println("field table: " + applied + " applied, " + (all - applied) + " refused unless at their default");
    }

    @Test
    void everyFieldHasTheTypeTheSpecGivesIt() {
        List<String> wrong = new ArrayList<>();
        for (Section s : sections()) {
            for (String p : s.specProperties()) {
                String specType = type(s.specTypes().get(p));
                String ours = s.schema().field(p).type().specType();
                if (!specType.equals(ours)) {
                    wrong.add(s.name() + "." + p + ": spec " + specType + ", table " + ours);
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    private static String type(JsonNode property) {
        if (property.has("type")) {
            return property.get("type").asText();
        }
        if (property.has("$ref")) {
            JsonNode d = definition(property.get("$ref").asText().replace("#/definitions/", ""));
            return d.path("type").asText("object");
        }
        if (property.has("allOf") && property.get("allOf").size() == 1) {
            // a described $ref (Mount.Type: MountType)
            return type(property.get("allOf").get(0));
        }
        return "object";
    }

    @Test
    void everyAppliedFieldNamesATestThatExists() throws ClassNotFoundException {
        Set<String> unproven = new TreeSet<>();
        for (Section s : sections()) {
            for (BodyField f : s.schema().fields()) {
                String label = s.schema().label() + f.name();
                if (f.applied() && !isSection(f) && !AppliedFieldProofs.PROOFS.containsKey(label)) {
                    unproven.add(label);
                }
            }
        }
        assertThat(unproven).as("applied fields without a proof").isEmpty();
        for (String proof : new LinkedHashSet<>(AppliedFieldProofs.PROOFS.values())) {
            String[] parts = proof.split("#");
            Class<?> test = Class.forName("dev.purser.engine." + parts[0]);
            Method m = Stream.of(test.getDeclaredMethods()).filter(x -> x.getName().equals(parts[1])).findFirst()
                    .orElseThrow(() -> new AssertionError("no test " + proof));
            assertThat(m.isAnnotationPresent(Test.class)).as(proof + " is a @Test").isTrue();
        }
    }

    @Test
    void everyProofIsOfAnAppliedField() {
        Set<String> applied = new TreeSet<>();
        for (Section s : sections()) {
            for (BodyField f : s.schema().fields()) {
                if (f.applied()) {
                    applied.add(s.schema().label() + f.name());
                }
            }
        }
        assertThat(applied).containsAll(AppliedFieldProofs.PROOFS.keySet());
    }

    /** A value no client sends unasked: a list with something in it, true, 1... */
    static JsonNode notDefault(BodyField f) {
        JsonNodeFactory n = JsonNodeFactory.instance;
        return switch (f.type()) {
            case STRING -> n.textNode("x");
            case BOOLEAN -> n.booleanNode(true);
            case INTEGER -> n.numberNode(1);
            case STRINGS, COMMAND -> n.arrayNode().add("x");
            case INTEGERS -> n.arrayNode().add(1).add(1);
            case STRING_MAP -> n.objectNode().put("x", "y");
            case OBJECTS -> n.arrayNode().add(n.objectNode());
            case MAP -> n.objectNode().set("x", n.objectNode());
            case OBJECT -> n.objectNode().put("Name", "x");
        };
    }

    @TestFactory
    Stream<DynamicTest> everyRefusedFieldIsRefusedNamingItAndCreatesNothing() {
        List<DynamicTest> tests = new ArrayList<>();
        for (BodyField f : RequestBodies.CREATE.fields()) {
            if (!f.applied()) {
                tests.add(refusedAtCreate("Config." + f.name(), body -> body.set(f.name(), notDefault(f))));
            }
        }
        for (BodyField f : RequestBodies.HOST_CONFIG.fields()) {
            if (!f.applied()) {
                tests.add(refusedAtCreate("HostConfig." + f.name(),
                        body -> body.putObject("HostConfig").set(f.name(), notDefault(f))));
            }
        }
        for (BodyField f : RequestBodies.MOUNT.fields()) {
            if (!f.applied()) {
                tests.add(refusedAtCreate("HostConfig.Mounts." + f.name(), body -> bindMount(body).set(f.name(), notDefault(f))));
            }
        }
        for (BodyField f : RequestBodies.BIND_OPTIONS.fields()) {
            if (!f.applied()) {
                tests.add(refusedAtCreate("HostConfig.Mounts.BindOptions." + f.name(),
                        body -> bindMount(body).putObject("BindOptions").set(f.name(), notDefault(f))));
            }
        }
        for (BodyField f : RequestBodies.ENDPOINT_SETTINGS.fields()) {
            if (!f.applied()) {
                tests.add(refusedAtCreate("NetworkingConfig.EndpointsConfig.default." + f.name(),
                        body -> body.putObject("NetworkingConfig").putObject("EndpointsConfig").putObject("default")
                                .set(f.name(), notDefault(f))));
            }
        }
        for (BodyField f : RequestBodies.ENDPOINT_IPAM_CONFIG.fields()) {
            if (!f.applied()) {
                tests.add(refusedAtCreate("IPAMConfig." + f.name(),
                        body -> body.putObject("NetworkingConfig").putObject("EndpointsConfig").putObject("default")
                                .putObject("IPAMConfig").set(f.name(), notDefault(f))));
            }
        }
        for (BodyField f : RequestBodies.UPDATE.fields()) {
            assertThat(f.applied()).as("update applies nothing yet: " + f.name()).isFalse();
            tests.add(DynamicTest.dynamicTest("updating HostConfig." + f.name(), () -> {
                ObjectNode body = JSON.createObjectNode().set(f.name(), notDefault(f));
                UnixHttp.Response r = http.send("POST", "/v1.41/containers/" + containerId + "/update", body.toString());
                assertThat(r.status()).as(r.body()).isEqualTo(400);
                assertThat(r.body()).isEqualTo("{\"message\":\"purser does not support updating HostConfig." + f.name() + " yet\"}");
            }));
        }
        assertThat(RequestBodies.EXEC.fields()).allMatch(BodyField::applied);
        return tests.stream();
    }

    /** Values of applied fields that purser does not apply, and what it answers. */
    @TestFactory
    Stream<DynamicTest> valuesPurserDoesNotApplyAreRefused() {
        return Stream.of(
                refusedAtCreate("HostConfig.SecurityOpt apparmor", b -> host(b).putArray("SecurityOpt").add("apparmor=unconfined")),
                refusedAtCreate("HostConfig.SecurityOpt label", b -> host(b).putArray("SecurityOpt").add("label:disable")),
                answeredAtCreate("HostConfig.SecurityOpt no-new-privileges=maybe", 400,
                        "invalid --security-opt 2: \"no-new-privileges=maybe\"", b -> host(b).putArray("SecurityOpt").add("no-new-privileges=maybe")),
                refusedAtCreate("HostConfig.LogConfig.Type syslog", b -> host(b).putObject("LogConfig").put("Type", "syslog")),
                refusedAtCreate("HostConfig.LogConfig.Type none", b -> host(b).putObject("LogConfig").put("Type", "none")),
                refusedAtCreate("HostConfig.LogConfig.Config compress",
                        b -> host(b).putObject("LogConfig").putObject("Config").put("compress", "true")),
                refusedAtCreate("HostConfig.IpcMode", b -> host(b).put("IpcMode", "host")),
                refusedAtCreate("HostConfig.CgroupnsMode", b -> host(b).put("CgroupnsMode", "private")),
                refusedAtCreate("HostConfig.PidMode", b -> host(b).put("PidMode", "host")),
                refusedAtCreate("HostConfig.MemorySwappiness", b -> host(b).put("MemorySwappiness", 0)),
                refusedAtCreate("HostConfig.MaskedPaths", b -> host(b).putArray("MaskedPaths")),
                refusedAtCreate("Config.Healthcheck", b -> b.putObject("Healthcheck").putArray("Test").add("CMD").add("true")),
                unknownNetworkAtCreate("network nowhere not found", b -> host(b).put("NetworkMode", "nowhere")),
                unknownNetworkAtCreate("network nowhere not found",
                        b -> b.putObject("NetworkingConfig").putObject("EndpointsConfig").putObject("nowhere")));
    }

    /** A bind of an existing directory in HostConfig.Mounts, to which a test adds a field. */
    private static ObjectNode bindMount(ObjectNode body) {
        return body.putObject("HostConfig").putArray("Mounts").addObject()
                .put("Type", "bind").put("Source", "/tmp").put("Target", "/data");
    }

    private static ObjectNode host(ObjectNode body) {
        return body.putObject("HostConfig");
    }

    private static DynamicTest refusedAtCreate(String label, java.util.function.Consumer<ObjectNode> set) {
        return answeredAtCreate(label, 400, "purser does not support " + label + " yet", set);
    }

    private static DynamicTest unknownNetworkAtCreate(String message, java.util.function.Consumer<ObjectNode> set) {
        return answeredAtCreate(message, 400, message, set);
    }

    private static DynamicTest answeredAtCreate(String name, int status, String message, java.util.function.Consumer<ObjectNode> set) {
        return DynamicTest.dynamicTest(name, () -> {
            ObjectNode body = JSON.createObjectNode().put("Image", "busybox");
            body.putArray("Cmd").add("true");
            set.accept(body);
            int before = containerCount();
            UnixHttp.Response r = http.send("POST", "/v1.41/containers/create", body.toString());
            assertThat(r.status()).as(body + " -> " + r.body()).isEqualTo(status);
            assertThat(JSON.readTree(r.body()).get("message").asText()).isEqualTo(message);
            assertThat(containerCount()).isEqualTo(before);
        });
    }

    private static int containerCount() throws IOException {
        UnixHttp.Response r = http.send("GET", "/v1.41/containers/json?all=1", "");
        return JSON.readTree(r.body()).size();
    }

    /** A body with every field of every table at its zero value is a container purser makes. */
    @Test
    void zeroValuesOfEveryFieldAreAccepted() throws IOException {
        ObjectNode body = zeros(RequestBodies.CREATE);
        body.put("Image", "busybox");
        body.putArray("Cmd").add("true");
        ObjectNode host = zeros(RequestBodies.HOST_CONFIG);
        host.putNull("ConsoleSize");
        body.set("HostConfig", host);
        body.putObject("NetworkingConfig").putObject("EndpointsConfig").set("default", zeros(RequestBodies.ENDPOINT_SETTINGS));
        UnixHttp.Response r = http.send("POST", "/v1.41/containers/create", body.toString());
        assertThat(r.status()).as(body + " -> " + r.body()).isEqualTo(201);
        String id = JSON.readTree(r.body()).get("Id").asText();
        UnixHttp.Response update = http.send("POST", "/v1.41/containers/" + id + "/update", zeros(RequestBodies.UPDATE).toString());
        assertThat(update.status()).as(update.body()).isEqualTo(200);
        http.send("DELETE", "/v1.41/containers/" + id, "");
    }

    private static final Set<String> NULL_IS_DEFAULT = Set.of("MemorySwappiness", "MaskedPaths", "ReadonlyPaths");

    private static ObjectNode zeros(BodySchema schema) {
        ObjectNode out = JSON.createObjectNode();
        for (BodyField f : schema.fields()) {
            if (isSection(f)) {
                continue;
            }
            JsonNodeFactory n = JsonNodeFactory.instance;
            JsonNode zero = switch (f.type()) {
                case STRING -> n.textNode("");
                case BOOLEAN -> n.booleanNode(false);
                case INTEGER -> n.numberNode(0);
                case STRINGS, COMMAND, OBJECTS -> n.arrayNode();
                case INTEGERS -> n.nullNode();
                case STRING_MAP, MAP, OBJECT -> n.objectNode();
            };
            // Go's pointers: their zero is a value (swap nothing, mask nothing), null the default
            out.set(f.name(), NULL_IS_DEFAULT.contains(f.name()) ? n.nullNode() : zero);
        }
        return out;
    }
}
