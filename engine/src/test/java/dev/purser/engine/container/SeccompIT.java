package dev.purser.engine.container;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.purser.engine.seccomp.InvalidProfileException;
import dev.purser.engine.testing.BusyboxImage;
import dev.purser.engine.testing.TestDaemon;
import dev.purser.engine.testing.TestEngine;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Docker's default seccomp profile in real containers: what it refuses (with EPERM) that an
 * unconfined container may do, what capabilities bring back, exec, users' profiles through the
 * docker CLI, and bad profiles refused before anything is created.
 */
class SeccompIT {
    private static final String PROBE_IMAGE = "seccomp-probe:latest";
    private static final int EPERM = 1;
    private static final String DENY_MKDIR = """
            {"defaultAction":"SCMP_ACT_ALLOW","syscalls":[{"names":["mkdir","mkdirat"],"action":"SCMP_ACT_ERRNO"}]}""";

    static TestDaemon daemon;
    static TestEngine engine;

    @BeforeAll
    static void start() throws IOException, InterruptedException {
        daemon = TestDaemon.start();
        engine = daemon.engine();
        Path probe = engine.root().resolve("syscall-probe");
        Process gcc = new ProcessBuilder("gcc", "-static", "-O2", "-o", probe.toString(), "src/test/c/syscall-probe.c")
                .redirectErrorStream(true).start();
        String out = new String(gcc.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!gcc.waitFor(120, TimeUnit.SECONDS) || gcc.exitValue() != 0) {
            throw new IllegalStateException("building the syscall probe failed: " + out);
        }
        byte[] tar = BusyboxImage.rootfsTar(Map.of("bin/syscall-probe", Files.readAllBytes(probe)));
        engine.engine().images().importRootfs(new ByteArrayInputStream(tar), PROBE_IMAGE, List.of(), "");
    }

    @AfterAll
    static void stop() {
        daemon.close();
    }

    private static HostConfig host(List<String> securityOpt, List<String> capAdd, boolean privileged) {
        return new HostConfig(capAdd, null, securityOpt, privileged, false, null, 0, 0, 0, 0, null, null, false, null, null);
    }

    private static HostConfig host(String... securityOpt) {
        return host(List.of(securityOpt), null, false);
    }

    private static ContainerConfig config(String user, String... cmd) {
        return new ContainerConfig(null, null, user, false, true, true, false, false, false, List.of(),
                Arrays.asList(cmd), PROBE_IMAGE, null, null, null, null, null, null);
    }

    /** Runs {@code cmd} to its end and returns what it printed. */
    private static String output(HostConfig host, String... cmd) {
        Container c = engine.create(config(null, cmd), host);
        engine.runToExit(c);
        return engine.logs(c);
    }

    /** The syscall probe's answers: syscall to errno, 0 when it succeeded. */
    private static Map<String, Integer> probe(HostConfig host, String... syscalls) {
        String[] cmd = new String[syscalls.length + 1];
        cmd[0] = "syscall-probe";
        System.arraycopy(syscalls, 0, cmd, 1, syscalls.length);
        Map<String, Integer> out = new LinkedHashMap<>();
        for (String line : output(host, cmd).lines().toList()) {
            String[] parts = line.split(" ");
            out.put(parts[0], Integer.parseInt(parts[1]));
        }
        assertThat(out.keySet()).containsExactly(syscalls);
        return out;
    }

    private static String seccompStatus(String output) {
        return output.lines().filter(l -> l.startsWith("Seccomp")).map(l -> l.replace('\t', ' ')).toList().toString();
    }

    @Test
    void containersRunUnderASeccompFilterByDefault() {
        assertThat(seccompStatus(output(host(), "cat", "/proc/self/status")))
                .isEqualTo("[Seccomp: 2, Seccomp_filters: 1]");
    }

    @Test
    void unconfinedContainersHaveNoFilter() {
        assertThat(seccompStatus(output(host("seccomp=unconfined"), "cat", "/proc/self/status")))
                .isEqualTo("[Seccomp: 0, Seccomp_filters: 0]");
    }

    @Test
    void privilegedContainersHaveNoFilter() {
        assertThat(seccompStatus(output(host(List.of(), null, true), "cat", "/proc/self/status")))
                .isEqualTo("[Seccomp: 0, Seccomp_filters: 0]");
    }

    @Test
    void defaultProfileRefusesKeyringsBpfUserfaultfdAndUserNamespacesWithEperm() {
        assertThat(probe(host(), "keyctl", "add_key", "bpf", "userfaultfd", "unshare-user"))
                .containsOnly(Map.entry("keyctl", EPERM), Map.entry("add_key", EPERM), Map.entry("bpf", EPERM),
                        Map.entry("userfaultfd", EPERM), Map.entry("unshare-user", EPERM));
    }

    @Test
    void unconfinedContainersMayUseKeyringsBpfUserfaultfdAndUserNamespaces() {
        // what the kernel says without a filter: success, or EINVAL for bpf's bogus command
        assertThat(probe(host("seccomp=unconfined"), "keyctl", "add_key", "bpf", "userfaultfd", "unshare-user"))
                .doesNotContainValue(EPERM);
    }

    @Test
    void rootCannotUnshareAUserNamespaceToMountInIt() {
        String out = output(host(), "sh", "-c", "unshare -U -r -m sh -c 'mount -t tmpfs none /tmp && echo mounted' 2>&1");
        assertThat(out).contains("Operation not permitted").doesNotContain("mounted");
    }

    @Test
    void unconfinedRootCanUnshareAUserNamespaceAndMountInIt() {
        String out = output(host("seccomp=unconfined"), "sh", "-c",
                "unshare -U -r -m sh -c 'mount -t tmpfs none /tmp && echo mounted' 2>&1");
        assertThat(out).isEqualTo("mounted\n");
    }

    @Test
    void mountWithoutSysAdminIsRefused() {
        assertThat(probe(host(), "mount")).containsEntry("mount", EPERM);
    }

    @Test
    void rebootIsRefusedWithoutSysBoot() {
        assertThat(probe(host(), "reboot")).containsEntry("reboot", EPERM);
    }

    @Test
    void sysBootBringsRebootBackAsInDockersProfile() {
        // the probe's wrong magic number: the kernel's EINVAL, so the call got past the filter
        assertThat(probe(host(List.of(), List.of("SYS_BOOT"), false), "reboot")).containsEntry("reboot", 22);
    }

    @Test
    void kexecLoadIsRefusedEvenWithSysBoot() {
        assertThat(probe(host(List.of(), List.of("SYS_BOOT"), false), "kexec_load")).containsEntry("kexec_load", EPERM);
        assertThat(probe(host(List.of("seccomp=unconfined"), List.of("SYS_BOOT"), false), "kexec_load"))
                .doesNotContainEntry("kexec_load", EPERM);
    }

    @Test
    void containersWithTheSameCapabilitiesShareOneCompiledProgram() throws IOException {
        output(host(), "true");
        List<Path> before = compiledPrograms();
        output(host(), "true");
        assertThat(compiledPrograms()).isEqualTo(before).isNotEmpty();
        output(host(List.of(), List.of("SYS_PTRACE"), false), "true");
        assertThat(compiledPrograms()).hasSize(before.size() + 1);
    }

    private static List<Path> compiledPrograms() throws IOException {
        try (var dirs = Files.list(engine.root().resolve("bin"))) {
            Path dir = dirs.filter(d -> d.getFileName().toString().endsWith(".seccomp")).findFirst().orElseThrow();
            try (var files = Files.list(dir)) {
                return files.filter(f -> f.toString().endsWith(".bpf")).sorted().toList();
            }
        }
    }

    @Test
    void aNonRootUserGetsTheFilterToo() {
        Container c = engine.create(config("nobody", "cat", "/proc/self/status"), host());
        engine.runToExit(c);
        assertThat(seccompStatus(engine.logs(c))).isEqualTo("[Seccomp: 2, Seccomp_filters: 1]");
    }

    @Test
    void noNewPrivilegesAndTheFilterGoTogether() {
        String status = output(host("no-new-privileges"), "cat", "/proc/self/status");
        assertThat(seccompStatus(status)).isEqualTo("[Seccomp: 2, Seccomp_filters: 1]");
        assertThat(status).contains("NoNewPrivs:\t1");
    }

    @Test
    void withoutNoNewPrivilegesTheFilterLeavesNoNewPrivsOff() {
        // libseccomp would set no_new_privs on every load; only --security-opt no-new-privileges may
        assertThat(output(host(), "cat", "/proc/self/status")).contains("NoNewPrivs:\t0");
    }

    @Test
    void execsGetTheContainersFilter() {
        Container c = engine.create(config(null, "sleep", "1000"), host());
        engine.engine().containers().start(c.id());
        assertThat(seccompStatus(exec(c, ExecRequest.of("cat", "/proc/self/status"))))
                .isEqualTo("[Seccomp: 2, Seccomp_filters: 1]");
        assertThat(exec(c, ExecRequest.of("syscall-probe", "keyctl"))).isEqualTo("keyctl 1\n");
        engine.engine().containers().kill(c.id(), "KILL");
    }

    @Test
    void execsInAnUnconfinedContainerAreUnconfined() {
        Container c = engine.create(config(null, "sleep", "1000"), host("seccomp=unconfined"));
        engine.engine().containers().start(c.id());
        assertThat(seccompStatus(exec(c, ExecRequest.of("cat", "/proc/self/status"))))
                .isEqualTo("[Seccomp: 0, Seccomp_filters: 0]");
        engine.engine().containers().kill(c.id(), "KILL");
    }

    private static String exec(Container c, ExecRequest request) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        engine.engine().containers().execLauncher().run(c.id(), request, (stream, data, length) -> {
            synchronized (out) {
                out.write(data, 0, length);
            }
        });
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aUsersProfileIsApplied() {
        assertThat(output(host("seccomp=" + DENY_MKDIR), "sh", "-c", "mkdir /tmp/d 2>&1; echo done"))
                .contains("Operation not permitted").endsWith("done\n");
    }

    @Test
    void aMalformedProfileIsRefusedAtCreateAndNothingIsCreated() {
        int before = engine.engine().containers().list().size();
        assertThatThrownBy(() -> engine.create(config(null, "true"), host("seccomp={\"defaultAction\":")))
                .isInstanceOf(InvalidProfileException.class).hasMessageStartingWith("Decoding seccomp profile failed: ");
        assertThat(engine.engine().containers().list()).hasSize(before);
    }

    // ---- through the docker CLI and the API ----------------------------------------------------

    @Test
    void dockerCliSendsAProfileFileThatIsApplied() throws IOException {
        Path profile = engine.root().resolve("deny-mkdir.json");
        Files.writeString(profile, DENY_MKDIR);
        TestDaemon.Result r = daemon.docker("run", "--rm", "--security-opt", "seccomp=" + profile, PROBE_IMAGE,
                "mkdir", "/tmp/d");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).contains("Operation not permitted");
    }

    @Test
    void dockerCliRunsUnconfinedWhenAsked() {
        TestDaemon.Result r = daemon.docker("run", "--rm", "--security-opt", "seccomp=unconfined", PROBE_IMAGE,
                "grep", "^Seccomp:", "/proc/self/status");
        assertThat(r.out().replace('\t', ' ')).isEqualTo("Seccomp: 0\n");
    }

    @Test
    void inspectShowsTheSecurityOptionsAsAsked() {
        TestDaemon.Result r = daemon.docker("create", "--security-opt", "seccomp=unconfined", PROBE_IMAGE, "true");
        String id = r.outLine();
        assertThat(daemon.docker("inspect", "--format", "{{json .HostConfig.SecurityOpt}}", id).outLine())
                .isEqualTo("[\"seccomp=unconfined\"]");
        daemon.docker("rm", id);
    }

    @Test
    void infoReportsDockersBuiltinProfile() {
        assertThat(daemon.docker("info", "--format", "{{json .SecurityOptions}}").outLine())
                .isEqualTo("[\"name=seccomp,profile=builtin\"]");
    }

    @Test
    void dockerCliGetsA400ForAnInvalidProfileAndNothingIsCreated() throws IOException {
        Path profile = engine.root().resolve("bogus.json");
        Files.writeString(profile, "{\"defaultAction\":\"SCMP_ACT_BOGUS\"}");
        int before = engine.engine().containers().list().size();
        TestDaemon.Result r = daemon.docker("run", "--security-opt", "seccomp=" + profile, PROBE_IMAGE, "true");
        assertThat(r.exitCode()).isEqualTo(125);
        assertThat(r.err()).contains("Error response from daemon:").contains("SCMP_ACT_BOGUS");
        assertThat(engine.engine().containers().list()).hasSize(before);
    }

    @Test
    void malformedProfileJsonIsA400() {
        // the docker CLI refuses malformed JSON itself; another client may send it
        String body = "{\"Image\":\"" + PROBE_IMAGE + "\",\"HostConfig\":{\"SecurityOpt\":[\"seccomp={nope\"]}}";
        TestDaemon.Result r = daemon.shell("curl -s -w '\\n%{http_code}' --unix-socket purser.sock "
                + "-H 'Content-Type: application/json' -d '" + body + "' http://purser/containers/create");
        assertThat(r.out()).startsWith("{\"message\":\"Decoding seccomp profile failed: ").endsWith("\n400");
    }

    @Test
    void anUnknownSecurityOptionIsA400WithDockersMessage() {
        TestDaemon.Result r = daemon.docker("run", "--security-opt", "frobnicate=yes", PROBE_IMAGE, "true");
        assertThat(r.exitCode()).isEqualTo(125);
        assertThat(r.err()).contains("invalid --security-opt 2: \"frobnicate=yes\"");
    }
}
