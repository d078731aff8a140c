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
    void anAutoStartedDaemonRunsWithASerialCollectorAHeapGivenBackNettyUnpooledAndLateCompilation() {
        assertThat(ClientSettings.defaultDaemonJvmOptions(Runtime.Version.parse("17.0.8")))
                .containsExactly("-XX:+UseSerialGC", "-Xms8m", "-Xmx256m", "-XX:MinHeapFreeRatio=10", "-XX:MaxHeapFreeRatio=30",
                        "-Dio.netty.allocator.type=unpooled", "-XX:CompileThresholdScaling=8");
    }

    @Test
    void anAutoStartedDaemonKeepsBothCompilersAndCompilesOnlyWhatRunsOften() {
        assertThat(ClientSettings.defaultDaemonJvmOptions(Runtime.Version.parse("17.0.15")))
                .contains("-XX:CompileThresholdScaling=8")
                .noneMatch(o -> o.startsWith("-XX:TieredStopAtLevel") || o.equals("-XX:-TieredCompilation"));
    }

    @Test
    void aJdkThatTrimsItsNativeHeapIsToldToEveryFiveSeconds() {
        assertThat(ClientSettings.defaultDaemonJvmOptions(Runtime.Version.parse("17.0.15"))).contains("-XX:TrimNativeHeapInterval=5000");
        assertThat(ClientSettings.defaultDaemonJvmOptions(Runtime.Version.parse("21.0.1"))).contains("-XX:TrimNativeHeapInterval=5000");
        assertThat(ClientSettings.defaultDaemonJvmOptions(Runtime.Version.parse("25"))).contains("-XX:TrimNativeHeapInterval=5000");
    }

    @Test
    void aJdkWithoutNativeHeapTrimmingIsNotGivenTheOption() {
        assertThat(ClientSettings.defaultDaemonJvmOptions(Runtime.Version.parse("17.0.8"))).noneMatch(o -> o.contains("TrimNativeHeap"));
        assertThat(ClientSettings.defaultDaemonJvmOptions(Runtime.Version.parse("20.0.2"))).noneMatch(o -> o.contains("TrimNativeHeap"));
    }

    @Test
    void purserDaemonJavaOptsReplacesTheDaemonsJvmOptions() {
        assertThat(ClientSettings.resolve(null, null, Map.of("PURSER_DAEMON_JAVA_OPTS", " -Xmx1g  -XX:+UseG1GC ")).daemonJvmOptions())
                .containsExactly("-Xmx1g", "-XX:+UseG1GC");
        assertThat(ClientSettings.resolve(null, null, Map.of("PURSER_DAEMON_JAVA_OPTS", "")).daemonJvmOptions()).isEmpty();
    }
}
