package dev.purser.tui.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RunRequestTest {
    @Test
    void theBodyIsWhatRunWouldSend() {
        RunRequest r = RunRequest.parse(List.of("-d", "--name=web", "--env=A=1", "--restart=always", "busybox", "httpd", "-f"), true, Map.of());
        assertThat(r.name()).isEqualTo("web");
        assertThat(r.image()).isEqualTo("busybox");
        assertThat(r.body().path("Image").asText()).isEqualTo("busybox");
        assertThat(r.body().path("Cmd").toString()).isEqualTo("[\"httpd\",\"-f\"]");
        assertThat(r.body().path("Env").toString()).contains("\"A=1\"");
        assertThat(r.body().path("HostConfig").path("RestartPolicy").path("Name").asText()).isEqualTo("always");
        assertThat(r.body().path("AttachStdout").asBoolean()).isFalse();
    }

    @Test
    void anUnknownFlagIsRefusedByName() {
        assertThatThrownBy(() -> RunRequest.parse(List.of("--no-such-flag=1", "busybox"), true, Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--no-such-flag");
    }

    @Test
    void aFlagRunRefusesIsRefusedInRunsWords() {
        assertThatThrownBy(() -> RunRequest.parse(List.of("--pull=always", "busybox"), true, Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("purser does not support --pull always yet");
    }

    @Test
    void anImageIsNeeded() {
        assertThatThrownBy(() -> RunRequest.parse(List.of("-d"), true, Map.of())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("image");
    }
}
