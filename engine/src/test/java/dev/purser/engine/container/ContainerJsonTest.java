package dev.purser.engine.container;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.purser.engine.network.EndpointConfig;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Containers serialize with Docker's field names, which clients such as the docker CLI rely on. */
class ContainerJsonTest {
    private static JsonNode json(Object value) {
        return DockerJson.mapper().valueToTree(value);
    }

    private static Container container(ContainerState state) {
        ContainerConfig config = new ContainerConfig("h", "", "", false, true, true, true, true, false, List.of("A=b"),
                List.of("sh"), "busybox", null, "/", null, null, null, null);
        return new Container("0".repeat(64), "2026-01-01T00:00:00Z", "sh", List.of(), state, "sha256:" + "1".repeat(64),
                "/r", "/h", "/hosts", "/log", "/web", 0, "overlay2", "linux", config, HostConfig.defaults(), false);
    }

    @Test
    void stateHasDockersFieldNames() {
        JsonNode state = json(ContainerState.created().running(42, "2026-01-01T00:00:01Z"));
        assertThat(state.fieldNames()).toIterable().containsExactly("Status", "Running", "Paused", "Restarting",
                "OOMKilled", "Dead", "Pid", "ExitCode", "Error", "StartedAt", "FinishedAt");
        assertThat(state.get("Running").asBoolean()).isTrue();
    }

    @Test
    void containerHasDockersTopLevelFields() {
        JsonNode c = json(container(ContainerState.created()));
        assertThat(c.fieldNames()).toIterable().contains("Id", "Created", "Path", "Args", "State", "Image",
                "ResolvConfPath", "HostnamePath", "HostsPath", "LogPath", "Name", "RestartCount", "Driver", "Platform",
                "Config", "HostConfig");
        assertThat(c.get("Config").get("Tty").asBoolean()).isTrue();
        assertThat(c.get("Config").get("OpenStdin").asBoolean()).isTrue();
        assertThat(c.get("HostConfig").get("RestartPolicy").get("Name").asText()).isEqualTo("no");
        assertThat(c.get("HostConfig").has("NanoCpus")).isTrue();
    }

    @Test
    void containerReadsBackWhatItWrote() throws Exception {
        Container c = container(ContainerState.created());
        byte[] bytes = DockerJson.mapper().writeValueAsBytes(c);
        assertThat(DockerJson.mapper().readValue(bytes, Container.class)).isEqualTo(c);
    }

    @Test
    void endpointConfigsReadBackWhatTheyWrote() throws Exception {
        Container c = container(ContainerState.created()).withEndpoints(List.of(
                new EndpointConfig("front", "f".repeat(64), List.of("web"), "10.1.2.3"), EndpointConfig.plain("back")));
        byte[] bytes = DockerJson.mapper().writeValueAsBytes(c);
        assertThat(DockerJson.mapper().readValue(bytes, Container.class).endpointConfigs()).isEqualTo(c.endpointConfigs());
    }

    @Test
    void aRecordWrittenBeforeEndpointsWereKeptIsOnItsNetworkModesNetwork() throws Exception {
        com.fasterxml.jackson.databind.node.ObjectNode old = (com.fasterxml.jackson.databind.node.ObjectNode) json(container(ContainerState.created()));
        old.remove("Endpoints");
        Container read = DockerJson.mapper().treeToValue(old, Container.class);
        assertThat(read.endpointConfigs()).containsExactly(EndpointConfig.plain("bridge"));
    }
}
