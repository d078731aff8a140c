package dev.purser.tui.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Every flag {@code run}, {@code create} and {@code exec} parse is applied or refused, never
 * parsed and dropped: it changes the request body (and the daemon then applies or refuses it),
 * or it is one of the few the client itself acts on, or purser refuses it before sending anything.
 */
class FlagsReachTheBodyTest {
    @TempDir static Path dir;

    /** A value for each flag that goes into the create body. */
    private static Map<String, List<String>> createSamples() throws IOException {
        Path envFile = Files.writeString(dir.resolve("env"), "FROM_FILE=1\n");
        Path labelFile = Files.writeString(dir.resolve("labels"), "from=file\n");
        Map<String, List<String>> m = new HashMap<>();
        m.put("--rm", List.of("--rm"));
        m.put("--env", List.of("-e", "A=1"));
        m.put("--env-file", List.of("--env-file", envFile.toString()));
        m.put("--user", List.of("-u", "nobody"));
        m.put("--workdir", List.of("-w", "/tmp"));
        m.put("--entrypoint", List.of("--entrypoint", "echo"));
        m.put("--hostname", List.of("-h", "box"));
        m.put("--domainname", List.of("--domainname", "example.org"));
        m.put("--restart", List.of("--restart", "always"));
        m.put("--cap-add", List.of("--cap-add", "NET_ADMIN"));
        m.put("--cap-drop", List.of("--cap-drop", "CHOWN"));
        m.put("--security-opt", List.of("--security-opt", "no-new-privileges"));
        m.put("--privileged", List.of("--privileged"));
        m.put("--read-only", List.of("--read-only"));
        m.put("--volume", List.of("-v", "/tmp:/data:ro"));
        m.put("--mount", List.of("--mount", "type=bind,src=/tmp,dst=/data"));
        m.put("--tmpfs", List.of("--tmpfs", "/run:size=1m"));
        m.put("--volumes-from", List.of("--volumes-from", "data-container:ro"));
        m.put("--memory", List.of("-m", "64m"));
        m.put("--memory-swap", List.of("--memory-swap", "128m"));
        m.put("--cpus", List.of("--cpus", "0.5"));
        m.put("--cpu-shares", List.of("-c", "512"));
        m.put("--pids-limit", List.of("--pids-limit", "5"));
        m.put("--stop-signal", List.of("--stop-signal", "SIGINT"));
        m.put("--stop-timeout", List.of("--stop-timeout", "1"));
        m.put("--label", List.of("-l", "a=b"));
        m.put("--label-file", List.of("--label-file", labelFile.toString()));
        m.put("--log-driver", List.of("--log-driver", "json-file"));
        m.put("--log-opt", List.of("--log-opt", "max-size=1m"));
        m.put("--network", List.of("--network", "host"));
        // an alias needs a user-defined network (the client refuses it on the default one)
        m.put("--network-alias", List.of("--network", "back", "--network", "front", "--network-alias", "web"));
        m.put("--ip", List.of("--ip", "10.1.2.3"));
        m.put("--publish", List.of("-p", "8080:80"));
        m.put("--publish-all", List.of("-P"));
        m.put("--expose", List.of("--expose", "80"));
        m.put("--add-host", List.of("--add-host", "db:10.0.0.5"));
        m.put("--link", List.of("--link", "web:site"));
        m.put("--dns", List.of("--dns", "10.0.0.53"));
        m.put("--dns-search", List.of("--dns-search", "example.org"));
        m.put("--dns-option", List.of("--dns-option", "ndots:2"));
        m.put("--interactive", List.of("-i"));
        m.put("--tty", List.of("-t"));
        m.put("--init", List.of("--init"));
        return m;
    }

    /** Flags the client acts on itself, and how. */
    private static final Map<String, String> CLIENT_SIDE = Map.of(
            "--help", "prints the usage",
            "--name", "the create request's name parameter",
            "--platform", "the create request's platform parameter (purser's daemon refuses it)",
            "--detach", "does not attach (run); exec start's Detach",
            "--detach-keys", "the attach request's detachKeys",
            "--quiet", "purser never pulls: there is no pull output to hide",
            "--pull", "missing and never are what purser does; always is refused",
            "--sig-proxy", "signals purser receives go to a container without a terminal (SignalProxyIT)");

    private static String longest(OptionSpec o) {
        return o.longestName();
    }

    private static Set<String> options(Callable<Integer> command) {
        Set<String> out = new TreeSet<>();
        for (OptionSpec o : new CommandLine(command).getCommandSpec().options()) {
            out.add(longest(o));
        }
        return out;
    }

    @Test
    void everyFlagOfRunAndCreateIsInOneList() throws IOException {
        Set<String> listed = new TreeSet<>(createSamples().keySet());
        assertThat(listed).doesNotContainAnyElementsOf(CLIENT_SIDE.keySet());
        listed.addAll(CLIENT_SIDE.keySet());
        assertThat(listed).containsAll(options(new RunCommand())).containsAll(options(new CreateCommand()));
        assertThat(options(new RunCommand())).containsAll(listed);
    }

    @Test
    void createHasNoneOfRunsAttachFlags() {
        // docker create has no -d, --detach-keys or --sig-proxy: it never attaches
        assertThat(options(new CreateCommand())).doesNotContain("--detach", "--detach-keys", "--sig-proxy");
        assertThat(options(new RunCommand())).contains("--detach", "--detach-keys", "--sig-proxy");
    }

    private static RunCommand run(List<String> args) {
        RunCommand run = new RunCommand();
        new CommandLine(run).setStopAtPositional(true).parseArgs(args.toArray(String[]::new));
        return run;
    }

    private static JsonNode createBody(List<String> flags) {
        List<String> args = new ArrayList<>(flags);
        args.add("busybox");
        RunCommand r = run(args);
        return CreateBody.build(r.flags, r.args.get(0), r.args.subList(1, r.args.size()), r.detach, Map.of());
    }

    @Test
    void everyBodyFlagOfRunChangesTheCreateBody() throws IOException {
        JsonNode plain = createBody(List.of());
        for (Map.Entry<String, List<String>> e : createSamples().entrySet()) {
            assertThat(createBody(e.getValue())).as(e.getKey()).isNotEqualTo(plain);
        }
    }

    @Test
    void pullAlwaysIsRefused() {
        assertThatThrownBy(() -> run(List.of("--pull", "always", "busybox")).refuseUnappliedFlags())
                .isInstanceOf(CliError.class).hasMessageStartingWith("purser: purser does not support --pull always yet\n")
                .extracting(e -> ((CliError) e).exitCode()).isEqualTo(125);
    }

    @Test
    void pullMissingAndNeverAreWhatPurserDoes() {
        run(List.of("--pull", "missing", "busybox")).refuseUnappliedFlags();
        run(List.of("--pull", "never", "busybox")).refuseUnappliedFlags();
    }

    @Test
    void anUnknownPullPolicyGetsDockersMessage() {
        assertThatThrownBy(() -> run(List.of("--pull", "sometimes", "busybox")).refuseUnappliedFlags())
                .hasMessageStartingWith("purser: invalid pull option: 'sometimes': must be one of \"always\", \"missing\" or \"never\"");
    }

    /** A value for each flag of exec; all of them go into its body. */
    private static Map<String, List<String>> execSamples() throws IOException {
        Path envFile = Files.writeString(dir.resolve("exec-env"), "FROM_FILE=1\n");
        return Map.of(
                "--detach", List.of("-d"),
                "--detach-keys", List.of("--detach-keys", "ctrl-a"),
                "--env", List.of("-e", "A=1"),
                "--env-file", List.of("--env-file", envFile.toString()),
                "--interactive", List.of("-i"),
                "--privileged", List.of("--privileged"),
                "--tty", List.of("-t"),
                "--user", List.of("-u", "nobody"),
                "--workdir", List.of("-w", "/tmp"));
    }

    private static JsonNode execBody(List<String> flags) {
        List<String> args = new ArrayList<>(flags);
        args.addAll(List.of("web", "true"));
        ExecCommand exec = new ExecCommand();
        new CommandLine(exec).setStopAtPositional(true).parseArgs(args.toArray(String[]::new));
        return exec.body(exec.environment(Map.of()), exec.detachKeys);
    }

    @Test
    void everyFlagOfExecChangesItsBody() throws IOException {
        Set<String> listed = new TreeSet<>(execSamples().keySet());
        listed.add("--help");
        assertThat(listed).isEqualTo(options(new ExecCommand()));
        JsonNode plain = execBody(List.of());
        for (Map.Entry<String, List<String>> e : execSamples().entrySet()) {
            assertThat(execBody(e.getValue())).as(e.getKey()).isNotEqualTo(plain);
        }
    }
}
