package dev.purser.tui.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The create request each set of flags produces, field by field against what docker sends. */
class CreateBodyTest {
    private static RunCommand parse(String... args) {
        RunCommand run = new RunCommand();
        new CommandLine(run).setStopAtPositional(true).parseArgs(args);
        return run;
    }

    private static JsonNode body(String... args) {
        RunCommand run = parse(args);
        return CreateBody.build(run.flags, run.args.get(0), run.args.subList(1, run.args.size()), run.detach, Map.of("HOME", "/root"));
    }

    @Test void clusteredShortFlagsSetDetachInteractiveTty() {
        RunCommand run = parse("-dit", "busybox");
        assertThat(run.detach).isTrue();
        assertThat(run.flags.interactive).isTrue();
        assertThat(run.flags.tty).isTrue();
    }

    @Test void detachedRunAttachesNothing() {
        JsonNode b = body("-dit", "busybox");
        assertThat(b.get("AttachStdin").asBoolean()).isFalse();
        assertThat(b.get("AttachStdout").asBoolean()).isFalse();
        assertThat(b.get("OpenStdin").asBoolean()).isTrue();
        assertThat(b.get("StdinOnce").asBoolean()).isFalse();
        assertThat(b.get("Tty").asBoolean()).isTrue();
    }

    @Test void foregroundRunAttachesStdoutAndStderr() {
        JsonNode b = body("busybox", "echo", "hi");
        assertThat(b.get("AttachStdout").asBoolean()).isTrue();
        assertThat(b.get("AttachStderr").asBoolean()).isTrue();
        assertThat(b.get("Cmd").toString()).isEqualTo("[\"echo\",\"hi\"]");
    }

    @Test void flagsAfterTheImageBelongToTheCommand() {
        assertThat(body("busybox", "ls", "-d").get("Cmd").toString()).isEqualTo("[\"ls\",\"-d\"]");
    }

    @Test void noCommandSendsNullCmd() {
        assertThat(body("busybox").get("Cmd").isNull()).isTrue();
    }

    @Test void memoryUsesBinaryUnits() {
        assertThat(body("--memory", "512m", "busybox").at("/HostConfig/Memory").asLong()).isEqualTo(512L * 1024 * 1024);
    }

    @Test void memorySwapMinusOneIsUnlimited() {
        assertThat(body("-m", "1g", "--memory-swap", "-1", "busybox").at("/HostConfig/MemorySwap").asLong()).isEqualTo(-1);
    }

    @Test void cpusBecomeNanoCpus() {
        assertThat(body("--cpus", "1.5", "busybox").at("/HostConfig/NanoCpus").asLong()).isEqualTo(1_500_000_000L);
    }

    @Test void restartPolicyWithRetryCount() {
        JsonNode p = body("--restart", "on-failure:3", "busybox").at("/HostConfig/RestartPolicy");
        assertThat(p.get("Name").asText()).isEqualTo("on-failure");
        assertThat(p.get("MaximumRetryCount").asInt()).isEqualTo(3);
    }

    @Test void defaultRestartPolicyIsNo() {
        assertThat(body("busybox").at("/HostConfig/RestartPolicy/Name").asText()).isEqualTo("no");
    }

    @Test void rmWithRestartConflicts() {
        assertThatThrownBy(() -> body("--rm", "--restart", "always", "busybox"))
                .hasMessage("conflicting options: cannot specify both --restart and --rm");
    }

    @Test void envFileComesBeforeEnvFlags(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("env");
        Files.writeString(file, "# comment\n\nA=1\n  B=two words\nHOME\n");
        JsonNode b = body("--env-file", file.toString(), "-e", "C=3", "busybox");
        assertThat(b.get("Env").toString()).isEqualTo("[\"A=1\",\"B=two words\",\"HOME=/root\",\"C=3\"]");
    }

    @Test void bareEnvNameMissingFromEnvironmentIsKeptAsIs() {
        assertThat(body("-e", "NOPE", "busybox").get("Env").toString()).isEqualTo("[\"NOPE\"]");
    }

    @Test void labelsBecomeAMap() {
        JsonNode b = body("-l", "a=1", "--label", "flag", "busybox");
        assertThat(b.get("Labels").toString()).isEqualTo("{\"a\":\"1\",\"flag\":\"\"}");
    }

    @Test void capabilitiesAndSecurityOptionsPassThrough() {
        JsonNode h = body("--cap-add", "NET_ADMIN", "--cap-drop", "ALL", "--security-opt", "no-new-privileges", "--privileged", "busybox").get("HostConfig");
        assertThat(h.get("CapAdd").toString()).isEqualTo("[\"NET_ADMIN\"]");
        assertThat(h.get("CapDrop").toString()).isEqualTo("[\"ALL\"]");
        assertThat(h.get("SecurityOpt").toString()).isEqualTo("[\"no-new-privileges\"]");
        assertThat(h.get("Privileged").asBoolean()).isTrue();
    }

    @Test void unsetCapabilitiesAreNull() {
        assertThat(body("busybox").at("/HostConfig/CapAdd").isNull()).isTrue();
    }

    @Test void entrypointIsASingleElementArray() {
        assertThat(body("--entrypoint", "/bin/sh", "busybox").get("Entrypoint").toString()).isEqualTo("[\"/bin/sh\"]");
    }

    @Test void emptyEntrypointResetsIt() {
        assertThat(body("--entrypoint=", "busybox").get("Entrypoint").toString()).isEqualTo("[\"\"]");
    }

    @Test void stopTimeoutOnlyWhenGiven() {
        assertThat(body("busybox").has("StopTimeout")).isFalse();
        assertThat(body("--stop-timeout", "3", "--stop-signal", "SIGINT", "busybox").get("StopTimeout").asInt()).isEqualTo(3);
    }

    @Test void networkDefaultsToDefault() {
        assertThat(body("busybox").at("/HostConfig/NetworkMode").asText()).isEqualTo("default");
        assertThat(body("--network", "host", "busybox").at("/NetworkingConfig/EndpointsConfig").has("host")).isTrue();
    }

    @Test void repeatedNetworkMakesTheFirstTheModeAndEachAnEndpoint() {
        JsonNode b = body("--network", "front", "--network", "back", "busybox");
        assertThat(b.at("/HostConfig/NetworkMode").asText()).isEqualTo("front");
        assertThat(b.at("/NetworkingConfig/EndpointsConfig").fieldNames()).toIterable().containsExactly("front", "back");
    }

    @Test void networkAliasAndIpGoToTheFirstNetwork() {
        JsonNode b = body("--network", "front", "--network-alias", "web", "--ip", "10.1.2.3", "--network", "back", "busybox");
        assertThat(b.at("/NetworkingConfig/EndpointsConfig/front/Aliases/0").asText()).isEqualTo("web");
        assertThat(b.at("/NetworkingConfig/EndpointsConfig/front/IPAMConfig/IPv4Address").asText()).isEqualTo("10.1.2.3");
        assertThat(b.at("/NetworkingConfig/EndpointsConfig/back").has("Aliases")).isFalse();
    }

    @Test void theAdvancedNetworkSyntaxGivesEachNetworkItsOwn() {
        JsonNode b = body("--network", "name=back,alias=db,ip=10.1.2.4", "busybox");
        assertThat(b.at("/HostConfig/NetworkMode").asText()).isEqualTo("back");
        assertThat(b.at("/NetworkingConfig/EndpointsConfig/back/Aliases/0").asText()).isEqualTo("db");
        assertThat(b.at("/NetworkingConfig/EndpointsConfig/back/IPAMConfig/IPv4Address").asText()).isEqualTo("10.1.2.4");
    }

    @Test void anAliasOnThePredefinedNetworksIsRefusedAsDockerDoes() {
        assertThatThrownBy(() -> body("--network-alias", "web", "busybox"))
                .hasMessage("network-scoped aliases are only supported for user-defined networks");
    }

    @Test void theSameNetworkTwiceIsRefused() {
        assertThatThrownBy(() -> body("--network", "back", "--network", "back", "busybox"))
                .hasMessage("network \"back\" is specified multiple times");
    }

    @Test void mixingTheDefaultBridgeWithAUserNetworkIsRefused() {
        assertThatThrownBy(() -> body("--network", "bridge", "--network", "back", "busybox"))
                .hasMessage("conflicting options: cannot attach both user-defined and non-user-defined network-modes");
    }

    @Test void unappliedFieldsOfTheAdvancedSyntaxAreRefusedByName() {
        assertThatThrownBy(() -> body("--network", "name=back,ip6=fd00::2", "busybox"))
                .hasMessage("purser does not support --network ip6 yet");
        assertThatThrownBy(() -> body("--network", "name=back,driver-opt=a=b", "busybox"))
                .hasMessage("purser does not support --network driver-opt yet");
    }

    @Test void logOptionsBecomeLogConfig() {
        assertThat(body("--log-opt", "max-size=10m", "busybox").at("/HostConfig/LogConfig/Config/max-size").asText()).isEqualTo("10m");
    }

    @Test void userWorkdirHostnameAndLimits() {
        JsonNode b = body("-u", "1000:1000", "-w", "/tmp", "-h", "box", "-c", "512", "--pids-limit", "64", "busybox");
        assertThat(List.of(b.get("User").asText(), b.get("WorkingDir").asText(), b.get("Hostname").asText())).containsExactly("1000:1000", "/tmp", "box");
        assertThat(b.at("/HostConfig/CpuShares").asLong()).isEqualTo(512);
        assertThat(b.at("/HostConfig/PidsLimit").asLong()).isEqualTo(64);
    }

    @Test void seccompProfileFileIsSentAsItsCompactedJson(@TempDir Path dir) throws Exception {
        Path profile = dir.resolve("p.json");
        Files.writeString(profile, "{\n  \"defaultAction\": \"SCMP_ACT_ALLOW\"\n}\n");
        assertThat(body("--security-opt", "seccomp=" + profile, "busybox").at("/HostConfig/SecurityOpt").toString())
                .isEqualTo("[\"seccomp={\\\"defaultAction\\\":\\\"SCMP_ACT_ALLOW\\\"}\"]");
    }

    @Test void seccompBuiltinAndUnconfinedAreNamesNotFiles() {
        assertThat(body("--security-opt", "seccomp=builtin", "--security-opt", "seccomp=unconfined", "busybox")
                .at("/HostConfig/SecurityOpt").toString()).isEqualTo("[\"seccomp=builtin\",\"seccomp=unconfined\"]");
    }

    @Test void seccompProfileThatIsNotJsonIsRefusedAsDockerDoes(@TempDir Path dir) throws Exception {
        Path profile = dir.resolve("p.json");
        Files.writeString(profile, "{nope");
        assertThatThrownBy(() -> body("--security-opt", "seccomp=" + profile, "busybox"))
                .hasMessageStartingWith("compacting json for seccomp profile (" + profile + ") failed: ");
    }
}
