package dev.purser.engine.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.purser.engine.testing.BusyboxImage;
import dev.purser.engine.testing.TestDaemon;
import dev.purser.engine.testing.TestDaemon.Result;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * A container's own mounts (issue 12, first part): {@code -v} and {@code --mount} binds,
 * {@code --tmpfs}, {@code --read-only}, their inspect output, and the bad input dockerd refuses,
 * through the docker CLI and the raw API of a real daemon.
 */
class MountsIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    static TestDaemon daemon;
    static UnixHttp http;
    static Path host;

    @BeforeAll
    static void startDaemon() throws IOException {
        daemon = TestDaemon.start();
        http = new UnixHttp(daemon.socket());
        host = Files.createDirectories(daemon.engine().root().resolve("host"));
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

    private static Path hostDir(String name) throws IOException {
        return Files.createDirectories(host.resolve(name + "-" + UUID.randomUUID().toString().substring(0, 6)));
    }

    @Test
    void bindMountSharesAHostDirectoryBothWays() throws IOException {
        Path dir = hostDir("both-ways");
        Files.writeString(dir.resolve("from-host"), "hello\n");
        Result r = docker("run", "--rm", "-v", dir + ":/data", "busybox", "sh", "-c",
                "cat /data/from-host && echo written > /data/from-container");
        assertThat(r.outLine()).isEqualTo("hello");
        assertThat(Files.readString(dir.resolve("from-container"))).isEqualTo("written\n");
    }

    @Test
    void readOnlyBindRefusesWritesWithErofs() throws IOException {
        Path dir = hostDir("ro");
        Result v = daemon.docker("run", "--rm", "-v", dir + ":/data:ro", "busybox", "touch", "/data/x");
        Result mount = daemon.docker("run", "--rm", "--mount", "type=bind,source=" + dir + ",target=/data,readonly",
                "busybox", "touch", "/data/x");
        assertThat(v.exitCode()).isEqualTo(1);
        assertThat(v.err()).contains("Read-only file system");
        assertThat(mount.exitCode()).isEqualTo(1);
        assertThat(mount.err()).contains("Read-only file system");
        assertThat(dir.resolve("x")).doesNotExist();
    }

    /** The book's host-dependent sharing: two writers and a :ro reader on one host directory. */
    @Test
    void twoWritersAndAReadOnlyReaderShareOneHostDirectory() throws IOException {
        Path logs = hostDir("shared-logs");
        String a = docker("run", "-d", "-v", logs + ":/data", "busybox", "sh", "-c", "echo a > /data/a.log").outLine();
        String b = docker("run", "-d", "-v", logs + ":/data", "busybox", "sh", "-c", "echo b > /data/b.log").outLine();
        docker("wait", a, b);
        Result reader = daemon.docker("run", "--rm", "-v", logs + ":/reader/data:ro", "busybox", "sh", "-c",
                "cat /reader/data/a.log /reader/data/b.log; echo c > /reader/data/c.log");
        assertThat(reader.out().lines().toList()).containsExactly("a", "b");
        assertThat(reader.err()).contains("Read-only file system");
        assertThat(logs.resolve("c.log")).doesNotExist();
        docker("rm", a, b);
    }

    @Test
    void missingHostDirectoryOfVIsCreated() throws IOException {
        Path missing = host.resolve("created-" + UUID.randomUUID().toString().substring(0, 6)).resolve("deep");
        docker("run", "--rm", "-v", missing + ":/data", "busybox", "touch", "/data/x");
        assertThat(missing.resolve("x")).isRegularFile();
    }

    @Test
    void tmpfsGetsDockersOptionsAndTheGivenOnes() {
        List<String> lines = docker("run", "--rm", "--tmpfs", "/run:rw,size=64m,mode=1770", "busybox", "sh", "-c",
                "grep ' /run ' /proc/mounts; stat -c %a /run; touch /run/x && echo writable").out().lines().toList();
        assertThat(lines.get(0)).startsWith("tmpfs /run tmpfs rw,nosuid,nodev,noexec,").contains("size=65536k");
        assertThat(lines.subList(1, 3)).containsExactly("1770", "writable");
    }

    @Test
    void mountTmpfsTakesSizeAndMode() {
        String line = docker("run", "--rm", "--mount", "type=tmpfs,target=/cache,tmpfs-size=1m,tmpfs-mode=0700",
                "busybox", "grep", " /cache ", "/proc/mounts").outLine();
        assertThat(line).startsWith("tmpfs /cache tmpfs rw,nosuid,nodev,noexec,").contains("size=1024k").contains("mode=700");
    }

    /**
     * The book's read-only WordPress container, with binds where the book has anonymous volumes
     * (NamedAndAnonymousVolumesIT has it with them): / refuses writes, the binds and the tmpfs
     * beneath which they are mounted do not.
     */
    @Test
    void readOnlyRootRefusesWritesWhileBindsAndTmpfsStayWritable() throws IOException {
        Path apache = hostDir("apache2");
        Path lock = hostDir("lock");
        Result r = daemon.docker("run", "--rm", "--read-only", "--tmpfs", "/run:rw,size=64m,mode=1777",
                "-v", apache + ":/run/apache2", "-v", lock + ":/run/lock/apache2", "busybox", "sh", "-c",
                "touch /rootfile; echo root=$?; touch /run/apache2/pid /run/lock/apache2/lock /run/t /dev/shm/s && echo ok");
        assertThat(r.out().lines().toList()).as(r.err()).containsExactly("root=1", "ok");
        assertThat(r.err()).contains("touch: /rootfile: Read-only file system");
        assertThat(apache.resolve("pid")).isRegularFile();
        assertThat(lock.resolve("lock")).isRegularFile();
    }

    @Test
    void tmpfsExecOptionAllowsExecution() throws IOException {
        ObjectNode body = JSON.createObjectNode().put("Image", "busybox");
        body.putArray("Cmd").add("grep").add(" /x ").add("/proc/mounts");
        ObjectNode m = body.putObject("HostConfig").putArray("Mounts").addObject().put("Type", "tmpfs").put("Target", "/x");
        m.putObject("TmpfsOptions").putArray("Options").addArray().add("exec");
        String line = runToOutput(body);
        assertThat(line).startsWith("tmpfs /x tmpfs rw,nosuid,nodev,").doesNotContain("noexec");
    }

    @Test
    void consistencyIsAcceptedAsDockerOnLinuxIgnoresIt() throws IOException {
        Path dir = hostDir("consistency");
        docker("run", "--rm", "--mount", "type=bind,source=" + dir + ",target=/data,consistency=cached",
                "busybox", "touch", "/data/x");
        assertThat(dir.resolve("x")).isRegularFile();
    }

    /** The host source made a shared mount: rslave receives its peers' mounts (master:N), the default rprivate does not. */
    @Test
    void bindPropagationIsTheOneGiven() throws IOException {
        Path dir = hostDir("propagation");
        host("mount", "--bind", dir.toString(), dir.toString());
        try {
            host("mount", "--make-shared", dir.toString());
            String script = "grep ' /data ' /proc/self/mountinfo";
            String slave = docker("run", "--rm", "--mount", "type=bind,source=" + dir + ",target=/data,bind-propagation=rslave",
                    "busybox", "sh", "-c", script).outLine();
            String byDefault = docker("run", "--rm", "-v", dir + ":/data", "busybox", "sh", "-c", script).outLine();
            assertThat(slave).contains(" master:");
            assertThat(byDefault).doesNotContain("master:").doesNotContain("shared:");
        } finally {
            host("umount", dir.toString());
        }
    }

    private static void host(String... command) throws IOException {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(p.waitFor()).as(String.join(" ", command) + ": " + out).isZero();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Test
    void createMountpointCreatesAMissingSource() throws IOException {
        Path missing = host.resolve("create-mountpoint-" + UUID.randomUUID().toString().substring(0, 6));
        ObjectNode body = JSON.createObjectNode().put("Image", "busybox");
        body.putArray("Cmd").add("touch").add("/data/x");
        ObjectNode m = body.putObject("HostConfig").putArray("Mounts").addObject()
                .put("Type", "bind").put("Source", missing.toString()).put("Target", "/data");
        m.putObject("BindOptions").put("CreateMountpoint", true);
        runToOutput(body);
        assertThat(missing.resolve("x")).isRegularFile();
    }

    /** Creates, starts and waits for the container of {@code body}; its output. */
    private static String runToOutput(ObjectNode body) throws IOException {
        UnixHttp.Response r = http.send("POST", "/v1.41/containers/create", body.toString());
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        String id = JSON.readTree(r.body()).get("Id").asText();
        docker("start", id);
        assertThat(docker("wait", id).outLine()).isEqualTo("0");
        String out = docker("logs", id).outLine();
        docker("rm", id);
        return out;
    }

    @Test
    void psVolumeFilterMatchesABindsSourceOrDestination() throws IOException {
        Path dir = hostDir("ps-filter");
        String with = docker("create", "-v", dir + ":/data", "busybox", "true").outLine();
        String without = docker("create", "busybox", "true").outLine();
        try {
            assertThat(docker("ps", "-aq", "--no-trunc", "--filter", "volume=" + dir).out().lines().toList()).containsExactly(with);
            assertThat(docker("ps", "-aq", "--no-trunc", "--filter", "volume=/data").out().lines().toList()).containsExactly(with);
            assertThat(docker("ps", "-aq", "--filter", "volume=/elsewhere").out()).isEmpty();
        } finally {
            docker("rm", with, without);
        }
    }

    /** Prune has no volume filter in Docker: refused, not ignored (which would prune every stopped container). */
    @Test
    void pruneRefusesTheVolumeFilter() throws IOException {
        String id = docker("create", "busybox", "true").outLine();
        try {
            UnixHttp.Response r = http.send("POST", "/v1.41/containers/prune?filters="
                    + java.net.URLEncoder.encode("{\"volume\":[\"/data\"]}", StandardCharsets.UTF_8), "");
            assertThat(r.status()).isEqualTo(400);
            assertThat(r.body()).isEqualTo("{\"message\":\"invalid filter 'volume'\"}");
            assertThat(docker("ps", "-aq", "--no-trunc").out().lines().toList()).contains(id);
        } finally {
            docker("rm", id);
        }
    }

    @Test
    void aMissingWorkingDirectoryIsCreatedDespiteAReadOnlyRoot() {
        assertThat(docker("run", "--rm", "--read-only", "-w", "/new/dir", "busybox", "pwd").outLine()).isEqualTo("/new/dir");
    }

    @Test
    void readOnlyRootIsShownInInspect() {
        String id = docker("create", "--read-only", "busybox", "true").outLine();
        assertThat(docker("inspect", "--format", "{{.HostConfig.ReadonlyRootfs}}", id).outLine()).isEqualTo("true");
        docker("rm", id);
    }

    @Test
    void inspectShowsMountsAsDockerDoes() throws IOException {
        Path dir = hostDir("inspect");
        ObjectNode body = body();
        ObjectNode hc = body.putObject("HostConfig");
        hc.putArray("Binds").add(dir + ":/data:ro");
        ObjectNode m = hc.putArray("Mounts").addObject();
        m.put("Type", "tmpfs").put("Target", "/cache");
        hc.putObject("Tmpfs").put("/run", "size=1m");
        UnixHttp.Response r = http.send("POST", "/v1.41/containers/create", body.toString());
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        String id = JSON.readTree(r.body()).get("Id").asText();
        JsonNode inspect = JSON.readTree(http.send("GET", "/v1.41/containers/" + id + "/json", "").body());
        assertThat(inspect.get("Mounts").toString()).isEqualTo(
                "[{\"Type\":\"bind\",\"Source\":\"" + dir + "\",\"Destination\":\"/data\",\"Mode\":\"ro\",\"RW\":false,\"Propagation\":\"rprivate\"},"
                + "{\"Type\":\"tmpfs\",\"Source\":\"\",\"Destination\":\"/cache\",\"Mode\":\"\",\"RW\":true,\"Propagation\":\"\"}]");
        assertThat(inspect.at("/HostConfig/Binds").toString()).isEqualTo("[\"" + dir + ":/data:ro\"]");
        assertThat(inspect.at("/HostConfig/Mounts").toString()).isEqualTo("[{\"Type\":\"tmpfs\",\"Target\":\"/cache\"}]");
        assertThat(inspect.at("/HostConfig/Tmpfs").toString()).isEqualTo("{\"/run\":\"size=1m\"}");
        docker("rm", id);
    }

    /** An image whose /data is a symlink to /etc: the bind lands on the container's /etc, never the host's. */
    @Test
    void bindTargetSymlinkResolvesInsideTheContainersRoot() throws IOException {
        daemon.engine().engine().images().importRootfs(new ByteArrayInputStream(hostileRootfs()), "hostile:latest", List.of(), "");
        Path dir = hostDir("hostile");
        String marker = "marker-" + UUID.randomUUID().toString().substring(0, 6);
        Files.writeString(dir.resolve(marker), "inside\n");
        Result r = docker("run", "--rm", "-v", dir + ":/data", "hostile", "cat", "/etc/" + marker);
        assertThat(r.outLine()).isEqualTo("inside");
        assertThat(Path.of("/etc", marker)).doesNotExist();
    }

    private static byte[] hostileRootfs() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (TarArchiveInputStream in = new TarArchiveInputStream(new ByteArrayInputStream(BusyboxImage.rootfsTar()));
             TarArchiveOutputStream tar = new TarArchiveOutputStream(out)) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            TarArchiveEntry e;
            while ((e = in.getNextEntry()) != null) {
                tar.putArchiveEntry(e);
                in.transferTo(tar);
                tar.closeArchiveEntry();
            }
            TarArchiveEntry link = new TarArchiveEntry("data", TarArchiveEntry.LF_SYMLINK);
            link.setLinkName("/etc");
            tar.putArchiveEntry(link);
            tar.closeArchiveEntry();
        }
        return out.toByteArray();
    }

    private static ObjectNode body() {
        ObjectNode body = JSON.createObjectNode().put("Image", "busybox");
        body.putArray("Cmd").add("true");
        return body;
    }

    /** Each bad mount gets dockerd's message with a 400, and no container, volume or directory. */
    @TestFactory
    Stream<DynamicTest> badMountsGetDockersErrorAndChangeNothing() {
        String missing = host.resolve("never-" + UUID.randomUUID().toString().substring(0, 6)).toString();
        List<DynamicTest> tests = new ArrayList<>();
        tests.add(refused("relative host path", b -> binds(b, "./data:/data"),
                "create ./data: \"./data\" includes invalid characters for a local volume name, only \"[a-zA-Z0-9][a-zA-Z0-9_.-]\""
                        + " are allowed. If you intended to pass a host directory, use absolute path"));
        tests.add(refused("relative destination", b -> binds(b, missing + ":data"),
                "invalid volume specification: '" + missing + ":data': invalid mount config for type \"bind\": invalid mount path: 'data' mount path must be absolute"));
        tests.add(refused("destination /", b -> binds(b, missing + ":/"),
                "invalid volume specification: '" + missing + ":/': invalid mount config for type \"bind\": invalid specification: destination can't be '/'"));
        tests.add(refused("destination inside /proc", b -> binds(b, missing + ":/proc/x"),
                "\"/proc/x\" cannot be mounted because it is inside /proc"));
        tests.add(refused("the :ro typo :or", b -> binds(b, missing + ":/data:or"), "invalid mode: or"));
        tests.add(refused("a destination and a mode alone", b -> binds(b, "/data:rw"), "invalid volume specification: '/data:rw'"));
        tests.add(refused("the same destination twice", b -> binds(b, missing + ":/data", missing + "2:/data"),
                "Duplicate mount point: /data"));
        tests.add(refused("a bind and a tmpfs on one destination", b -> {
            binds(b, missing + ":/data");
            b.with("HostConfig").putObject("Tmpfs").put("/data", "");
        }, "Duplicate mount point: /data"));
        tests.add(refused("--mount bind source that does not exist", b -> mount(b, "bind", missing, "/data"),
                "invalid mount config for type \"bind\": bind source path does not exist: " + missing));
        tests.add(refused("--mount target /", b -> mount(b, "bind", host.toString(), "/"),
                "invalid mount config for type \"bind\": invalid specification: destination can't be '/'"));
        tests.add(refused("--mount of an unknown type", b -> mount(b, "floppy", "", "/data"),
                "invalid mount config for type \"floppy\": mount type unknown"));
        tests.add(refused("a relative tmpfs destination", b -> b.with("HostConfig").putObject("Tmpfs").put("run", ""),
                "invalid mount path: 'run' mount path must be absolute"));
        tests.add(refused("--mount type=npipe", b -> mount(b, "npipe", "data", "/data"),
                "purser does not support mounts of type npipe yet"));
        tests.add(refused("a --mount source with a colon", b -> mount(b, "bind", "/tmp/a:b", "/data"),
                "purser does not support bind sources with a ':' in their path yet"));
        tests.add(refused("shared propagation", b -> binds(b, missing + ":/data:rshared"),
                "purser does not support rshared bind propagation yet"));
        return tests.stream().map(t -> DynamicTest.dynamicTest(t.getDisplayName(), () -> {
            t.getExecutable().execute();
            assertThat(Path.of(missing)).doesNotExist();
        }));
    }

    private static void binds(ObjectNode body, String... binds) {
        var array = body.with("HostConfig").putArray("Binds");
        for (String b : binds) {
            array.add(b);
        }
    }

    private static void mount(ObjectNode body, String type, String source, String target) {
        ObjectNode m = body.with("HostConfig").putArray("Mounts").addObject().put("Type", type).put("Target", target);
        if (!source.isEmpty()) {
            m.put("Source", source);
        }
    }

    private static DynamicTest refused(String name, Consumer<ObjectNode> set, String message) {
        return DynamicTest.dynamicTest(name, () -> {
            ObjectNode body = body();
            set.accept(body);
            int before = containerCount();
            UnixHttp.Response r = http.send("POST", "/v1.41/containers/create", body.toString());
            assertThat(r.status()).as(body + " -> " + r.body()).isEqualTo(400);
            assertThat(JSON.readTree(r.body()).get("message").asText()).isEqualTo(message);
            assertThat(containerCount()).isEqualTo(before);
        });
    }

    private static int containerCount() throws IOException {
        return JSON.readTree(http.send("GET", "/v1.41/containers/json?all=1", "").body()).size();
    }

    @Test
    void dockerCliExitsWith125OnABadMount() {
        Result r = daemon.docker("run", "--rm", "-v", "/tmp/x:/data:or", "busybox", "true");
        assertThat(r.exitCode()).isEqualTo(125);
        assertThat(r.err()).contains("invalid mode: or");
    }
}
