package dev.purser.engine.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.purser.engine.testing.TestDaemon;
import dev.purser.engine.testing.TestDaemon.Result;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Fields of the create and exec bodies that {@link RequestBodies} lists as applied, each shown
 * applied through the API, where no other test shows it ({@link FieldTableIT} names them all).
 */
class AppliedFieldsIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    static TestDaemon daemon;
    static UnixHttp http;

    @BeforeAll
    static void startDaemon() {
        daemon = TestDaemon.start();
        http = new UnixHttp(daemon.socket());
    }

    @AfterAll
    static void stopDaemon() {
        daemon.close();
    }

    private static Result docker(String... args) {
        Result r = daemon.docker(args);
        assertThat(r.exitCode()).as(String.join(" ", args) + ": " + r.err()).isZero();
        return r;
    }

    private static String inspect(String format, String container) {
        return docker("inspect", "--format", format, container).outLine();
    }

    @Test
    void attachFlagsAreRecordedAsTheClientSentThem() throws IOException {
        UnixHttp.Response r = http.send("POST", "/v1.41/containers/create",
                "{\"Image\":\"busybox\",\"Cmd\":[\"true\"],\"AttachStdin\":true,\"AttachStdout\":false,\"AttachStderr\":true}");
        String id = JSON.readTree(r.body()).get("Id").asText();
        assertThat(inspect("{{.Config.AttachStdin}} {{.Config.AttachStdout}} {{.Config.AttachStderr}}", id))
                .isEqualTo("true false true");
        docker("rm", id);
    }

    @Test
    void entrypointRunsWithTheCommandAsItsArguments() {
        assertThat(docker("run", "--rm", "--entrypoint", "echo", "busybox", "from", "cmd").outLine()).isEqualTo("from cmd");
    }

    @Test
    void labelsAreShownAndFilterTheList() {
        String id = docker("create", "--label", "team=blue", "busybox", "true").outLine();
        docker("create", "--label", "team=red", "busybox", "true");
        assertThat(inspect("{{index .Config.Labels \"team\"}}", id)).isEqualTo("blue");
        assertThat(docker("ps", "-aq", "--no-trunc", "--filter", "label=team=blue").out().lines().toList()).containsExactly(id);
        daemon.docker("rm", "-f", id);
        daemon.shell("docker ps -aq --filter label=team=red | xargs -r docker rm -f");
    }

    /** sleep as PID 1 ignores SIGTERM: only the SIGKILL after StopTimeout ends it, well before Docker's default 10 s. */
    @Test
    @Timeout(value = 8, unit = TimeUnit.SECONDS)
    void stopTimeoutIsTheGraceBeforeSigkill() {
        String id = docker("run", "-d", "--stop-timeout", "1", "busybox", "sleep", "1000").outLine();
        docker("stop", id);
        assertThat(inspect("{{.State.ExitCode}}", id)).isEqualTo("137");
        docker("rm", id);
    }

    @Test
    void limitsReachTheContainersCgroup() throws IOException {
        String id = docker("run", "-d", "--cpu-shares", "512", "--cpus", "0.5", "-m", "64m", "--memory-swap", "128m",
                "busybox", "sleep", "1000").outLine();
        try {
            List<Path> dirs;
            try (Stream<Path> walk = Files.find(Path.of("/sys/fs/cgroup"), 4, (p, a) -> a.isDirectory()
                    && p.getFileName() != null && p.getFileName().toString().equals(id))) {
                dirs = walk.toList();
            }
            assertThat(dirs).isNotEmpty();
            String shares = read(dirs, "cpu.shares", "cpu.weight");
            String quota = read(dirs, "cpu.cfs_quota_us", "cpu.max");
            assertThat(shares).isIn("512", "20");
            assertThat(quota).isIn("50000", "50000 100000");
            String swap = read(dirs, "memory.memsw.limit_in_bytes", "memory.swap.max");
            // v1 counts memory plus swap; v2 the swap alone; a v1 host without swap accounting has neither file
            if (swap != null) {
                assertThat(swap).isIn(Long.toString(128L << 20), Long.toString(64L << 20));
            }
        } finally {
            docker("rm", "-f", id);
        }
    }

    /** The first of the v1 or v2 files found in the container's cgroup directories, or null. */
    private static String read(List<Path> dirs, String... names) throws IOException {
        for (String name : names) {
            for (Path d : dirs) {
                if (Files.exists(d.resolve(name))) {
                    return Files.readString(d.resolve(name)).strip();
                }
            }
        }
        return null;
    }

    @Test
    void cidfileGetsTheContainersId() throws IOException {
        Path cidfile = daemon.engine().root().resolve("cid");
        String id = docker("create", "--cidfile", cidfile.toString(), "busybox", "true").outLine();
        // the client writes the file, as with Docker's daemon
        assertThat(Files.readString(cidfile)).isEqualTo(id);
        docker("rm", id);
    }

    @Test
    void logOptionsRotateTheContainersLog() throws IOException {
        String id = docker("run", "-d", "--log-opt", "max-size=1k", "--log-opt", "max-file=2", "busybox", "sh", "-c",
                "i=0; while [ $i -lt 300 ]; do echo line-$i; i=$((i+1)); done").outLine();
        docker("wait", id);
        List<String> logs;
        try (Stream<Path> files = Files.list(Path.of(inspect("{{.LogPath}}", id)).getParent())) {
            logs = files.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(id + "-json.log")).sorted().toList();
        }
        assertThat(logs).containsExactly(id + "-json.log", id + "-json.log.1");
        docker("rm", id);
    }

    @Test
    void hostNetworkIsTheHostsNetwork() throws IOException {
        String inContainer = docker("run", "--rm", "--network", "host", "busybox", "cat", "/proc/net/dev").out();
        String own = docker("run", "--rm", "--network", "none", "busybox", "cat", "/proc/net/dev").out();
        List<String> hostInterfaces = interfaces(Files.readString(Path.of("/proc/net/dev")));
        assertThat(interfaces(inContainer)).containsExactlyInAnyOrderElementsOf(hostInterfaces);
        assertThat(interfaces(own)).containsExactly("lo");
    }

    @Test
    void defaultNetworkIsTheBridge() {
        String bridged = docker("run", "--rm", "busybox", "cat", "/proc/net/dev").out();
        String named = docker("run", "--rm", "--network", "bridge", "busybox", "cat", "/proc/net/dev").out();
        assertThat(interfaces(bridged)).containsExactlyInAnyOrder("lo", "eth0");
        assertThat(interfaces(named)).containsExactlyInAnyOrder("lo", "eth0");
    }

    private static List<String> interfaces(String procNetDev) {
        return procNetDev.lines().filter(l -> l.contains(":")).map(l -> l.substring(0, l.indexOf(':')).strip()).toList();
    }

    @Test
    void privilegedGetsEveryCapability() throws IOException {
        String bounding = statusLine(Files.readString(Path.of("/proc/self/status")), "CapBnd");
        String effective = statusLine(docker("run", "--rm", "--privileged", "busybox", "cat", "/proc/self/status").out(), "CapEff");
        String unprivileged = statusLine(docker("run", "--rm", "busybox", "cat", "/proc/self/status").out(), "CapEff");
        assertThat(effective).isEqualTo(bounding).isNotEqualTo(unprivileged);
    }

    private static String statusLine(String status, String field) {
        return status.lines().filter(l -> l.startsWith(field + ":")).findFirst().orElseThrow().split("\\s+")[1];
    }

    @Test
    void noNewPrivilegesIsSet() {
        String with = docker("run", "--rm", "--security-opt", "no-new-privileges", "busybox", "cat", "/proc/self/status").out();
        String without = docker("run", "--rm", "busybox", "cat", "/proc/self/status").out();
        assertThat(statusLine(with, "NoNewPrivs")).isEqualTo("1");
        assertThat(statusLine(without, "NoNewPrivs")).isEqualTo("0");
    }

    @Test
    void execTakesEnvUserAndWorkdir() {
        String id = docker("run", "-d", "busybox", "sleep", "1000").outLine();
        try {
            assertThat(docker("exec", "-e", "GREETING=hi", "-u", "nobody", "-w", "/tmp", id,
                    "sh", "-c", "echo $GREETING $(id -u) $(pwd)").outLine()).isEqualTo("hi 65534 /tmp");
        } finally {
            docker("rm", "-f", id);
        }
    }

    @Test
    void privilegedExecGetsEveryCapability() throws IOException {
        String id = docker("run", "-d", "busybox", "sleep", "1000").outLine();
        try {
            String bounding = statusLine(Files.readString(Path.of("/proc/self/status")), "CapBnd");
            String privileged = statusLine(docker("exec", "--privileged", id, "cat", "/proc/self/status").out(), "CapEff");
            String plain = statusLine(docker("exec", id, "cat", "/proc/self/status").out(), "CapEff");
            assertThat(privileged).isEqualTo(bounding).isNotEqualTo(plain);
        } finally {
            docker("rm", "-f", id);
        }
    }

    @Test
    void execStartCarriesOnlyTheAttachedStreams() throws IOException {
        String id = docker("run", "-d", "busybox", "sleep", "1000").outLine();
        try {
            String onlyOut = execOutput(id, true, false);
            String onlyErr = execOutput(id, false, true);
            assertThat(onlyOut).isEqualTo("1:out\n");
            assertThat(onlyErr).isEqualTo("2:err\n");
        } finally {
            docker("rm", "-f", id);
        }
    }

    /** The frames an exec's start carries, as "stream:payload" lines. */
    private static String execOutput(String container, boolean stdout, boolean stderr) throws IOException {
        UnixHttp.Response created = http.send("POST", "/v1.41/containers/" + container + "/exec",
                "{\"Cmd\":[\"sh\",\"-c\",\"echo out; echo err >&2\"],\"AttachStdout\":" + stdout + ",\"AttachStderr\":" + stderr + "}");
        String exec = JSON.readTree(created.body()).get("Id").asText();
        String frames = http.send("POST", "/v1.41/exec/" + exec + "/start", "{\"Detach\":false,\"Tty\":false}").body();
        StringBuilder out = new StringBuilder();
        byte[] b = frames.getBytes(StandardCharsets.ISO_8859_1);
        for (int at = 0; at + 8 <= b.length; ) {
            int size = ByteBuffer.wrap(b, at + 4, 4).getInt();
            out.append(b[at]).append(':').append(new String(b, at + 8, size, StandardCharsets.UTF_8));
            at += 8 + size;
        }
        return out.toString();
    }

    @Test
    void execDetachKeysEndTheExecsStream() throws Exception {
        String id = docker("run", "-d", "busybox", "sleep", "1000").outLine();
        try {
            JsonNode created = JSON.readTree(http.send("POST", "/v1.41/containers/" + id + "/exec",
                    "{\"Cmd\":[\"sh\"],\"Tty\":true,\"AttachStdin\":true,\"AttachStdout\":true,\"AttachStderr\":true,"
                            + "\"DetachKeys\":\"ctrl-a\"}").body());
            String exec = created.get("Id").asText();
            try (SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX)) {
                ch.connect(UnixDomainSocketAddress.of(daemon.socket()));
                String body = "{\"Detach\":false,\"Tty\":true}";
                ch.write(ByteBuffer.wrap(("POST /v1.41/exec/" + exec + "/start HTTP/1.1\r\nHost: purser\r\n"
                        + "Connection: Upgrade\r\nUpgrade: tcp\r\nContent-Type: application/json\r\nContent-Length: "
                        + body.length() + "\r\n\r\n" + body).getBytes(StandardCharsets.US_ASCII)));
                CompletableFuture<String> untilEnd = CompletableFuture.supplyAsync(() -> readAll(ch));
                awaitRunning(exec);
                ch.write(ByteBuffer.wrap(new byte[] {0x01}));
                // ctrl-a alone detaches: the daemon ends the stream, the shell keeps running
                untilEnd.get(30, TimeUnit.SECONDS);
            }
            assertThat(JSON.readTree(http.send("GET", "/v1.41/exec/" + exec + "/json", "").body()).get("Running").asBoolean())
                    .isTrue();
        } finally {
            docker("rm", "-f", id);
        }
    }

    private static void awaitRunning(String exec) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!JSON.readTree(http.send("GET", "/v1.41/exec/" + exec + "/json", "").body()).get("Running").asBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("exec " + exec + " never ran");
            }
            Thread.onSpinWait();
        }
    }

    private static String readAll(SocketChannel ch) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteBuffer buf = ByteBuffer.allocate(8192);
        try {
            while (ch.read(buf) > 0) {
                out.write(buf.array(), 0, buf.position());
                buf.clear();
            }
        } catch (IOException e) {
            // closed
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
