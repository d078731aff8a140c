package dev.purser.tui.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ClientSettingsTest {

    @Test
    void hostComesFromTheFlagThenPurserHostThenTheDefault() {
        assertThat(ClientSettings.resolve("unix:///a.sock", null, Map.of("PURSER_HOST", "unix:///b.sock")).host())
                .isEqualTo("unix:///a.sock");
        assertThat(ClientSettings.resolve(null, null, Map.of("PURSER_HOST", "unix:///b.sock")).host())
                .isEqualTo("unix:///b.sock");
        assertThat(ClientSettings.resolve(null, null, Map.of()).host()).isEqualTo(ClientSettings.DEFAULT_HOST);
    }

    @Test
    void aSocketPathIsAcceptedAsAHost() {
        assertThat(ClientSettings.resolve("/run/x.sock", null, Map.of()).host()).isEqualTo("unix:///run/x.sock");
    }

    @Test
    void anAutoStartedDaemonRunsWithASerialCollectorAndACappedHeap() {
        assertThat(ClientSettings.resolve(null, null, Map.of()).daemonJvmOptions())
                .containsExactly("-XX:+UseSerialGC", "-Xms16m", "-Xmx256m");
    }

    @Test
    void purserDaemonJavaOptsReplacesTheDaemonsJvmOptions() {
        assertThat(ClientSettings.resolve(null, null, Map.of("PURSER_DAEMON_JAVA_OPTS", " -Xmx1g  -XX:+UseG1GC ")).daemonJvmOptions())
                .containsExactly("-Xmx1g", "-XX:+UseG1GC");
        assertThat(ClientSettings.resolve(null, null, Map.of("PURSER_DAEMON_JAVA_OPTS", "")).daemonJvmOptions()).isEmpty();
    }
}
