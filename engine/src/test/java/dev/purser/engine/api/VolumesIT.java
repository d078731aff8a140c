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
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
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
 * Managed volumes (issue 12, second part): named and anonymous volumes, image VOLUMEs, copy-up,
 * {@code --volumes-from}, {@code rm -v} and {@code --rm}, the {@code /volumes} endpoints and
 * their Docker messages, through the stock docker CLI and the raw API of a real daemon.
 */
class VolumesIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    static TestDaemon daemon;
    static UnixHttp http;

    @BeforeAll
    static void startDaemon() throws IOException {
        daemon = TestDaemon.start();
        http = new UnixHttp(daemon.socket());
        importImage("datapacked:latest", List.of("VOLUME /config"), VolumesIT::configDirectory);
        importImage("hostile:latest", List.of(), tar -> {
            TarArchiveEntry link = new TarArchiveEntry("data", TarArchiveEntry.LF_SYMLINK);
            link.setLinkName("/etc");
            put(tar, link, null);
        });
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

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static Path mountpoint(String volume) {
        return Path.of(docker("volume", "inspect", "-f", "{{.Mountpoint}}", volume).outLine());
    }

    private static boolean volumeExists(String name) {
        return daemon.docker("volume", "inspect", name).exitCode() == 0;
    }

    private static List<String> volumeNames() {
        return docker("volume", "ls", "-q").out().lines().toList();
    }

    // ---- data outlives containers ---------------------------------------------------------------

    @Test
    void aFileWrittenIntoANamedVolumeIsThereForTheNextContainer() {
        String vol = unique("notes");
        docker("run", "--name", vol + "-writer", "-v", vol + ":/notes", "busybox", "sh", "-c", "echo kept > /notes/n.txt");
        docker("rm", vol + "-writer");
        assertThat(docker("run", "--rm", "-v", vol + ":/notes", "busybox", "cat", "/notes/n.txt").outLine()).isEqualTo("kept");
        docker("volume", "rm", vol);
    }

    @Test
    void anFsyncedWriteSurvivesItsContainerBeingKilled() throws Exception {
        String vol = unique("synced");
        String id = docker("run", "-d", "-v", vol + ":/v", "busybox", "sh", "-c",
                "echo durable > /v/f && sync /v/f && echo written && exec sleep 600").outLine();
        awaitLog(id, "written");
        docker("kill", id);
        docker("rm", id);
        assertThat(docker("run", "--rm", "-v", vol + ":/v", "busybox", "cat", "/v/f").outLine()).isEqualTo("durable");
        docker("volume", "rm", vol);
    }

    private static void awaitLog(String id, String text) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (!docker("logs", id).out().contains(text)) {
            assertThat(Instant.now()).as("log of " + id + " shows " + text).isBefore(deadline);
            Thread.onSpinWait();
        }
    }

    // ---- anonymous volumes, the book's volume container, --volumes-from -------------------------

    @Test
    void anAnonymousVolumeIsA64HexVolumeShownInInspect() throws IOException {
        String name = unique("anon");
        docker("run", "--name", name, "-v", "/var/lib/data", "busybox", "touch", "/var/lib/data/x");
        JsonNode mounts = JSON.readTree(docker("inspect", "-f", "{{json .Mounts}}", name).outLine());
        assertThat(mounts).hasSize(1);
        JsonNode m = mounts.get(0);
        String vol = m.get("Name").asText();
        assertThat(vol).matches("[0-9a-f]{64}");
        assertThat(m.get("Type").asText()).isEqualTo("volume");
        assertThat(m.get("Source").asText()).isEqualTo(daemon.engine().root().resolve("volumes").resolve(vol).resolve("_data").toString());
        assertThat(m.get("Destination").asText()).isEqualTo("/var/lib/data");
        assertThat(m.get("Driver").asText()).isEqualTo("local");
        assertThat(m.get("RW").asBoolean()).isTrue();
        assertThat(m.get("Propagation").asText()).isEmpty();
        assertThat(Path.of(m.get("Source").asText()).resolve("x")).isRegularFile();
        docker("rm", "-v", name);
    }

    @Test
    void inspectShowsANamedVolumeAsDockerDoes() throws IOException {
        String vol = unique("shown");
        String name = unique("c");
        docker("create", "--name", name, "-v", vol + ":/data:ro", "busybox", "true");
        JsonNode m = JSON.readTree(docker("inspect", "-f", "{{json .Mounts}}", name).outLine()).get(0);
        List<String> keys = new ArrayList<>();
        m.fieldNames().forEachRemaining(keys::add);
        assertThat(keys).containsExactly("Type", "Name", "Source", "Destination", "Driver", "Mode", "RW", "Propagation");
        assertThat(m.get("Name").asText()).isEqualTo(vol);
        assertThat(m.get("Mode").asText()).isEqualTo("ro");
        assertThat(m.get("RW").asBoolean()).isFalse();
        docker("rm", name);
        docker("volume", "rm", vol);
    }

    /** The book's volume container: a container that only holds a volume, used by others whether it runs or not. */
    @Test
    void volumesFromTakesTheVolumesOfAStoppedContainer() {
        String shared = unique("cass-shared");
        docker("run", "-d", "--volume", "/var/lib/cassandra/data", "--name", shared, "busybox", "echo", "Data Container");
        docker("wait", shared);
        docker("run", "--rm", "--volumes-from", shared, "busybox", "sh", "-c", "echo row > /var/lib/cassandra/data/t");
        assertThat(docker("run", "--rm", "--volumes-from", shared, "busybox", "cat", "/var/lib/cassandra/data/t").outLine())
                .isEqualTo("row");
        Result ro = daemon.docker("run", "--rm", "--volumes-from", shared + ":ro", "busybox", "touch", "/var/lib/cassandra/data/u");
        assertThat(ro.exitCode()).isEqualTo(1);
        assertThat(ro.err()).contains("Read-only file system");
        docker("rm", "-v", shared);
    }

    @Test
    void volumesFromTakesBindsToo() throws IOException {
        Path dir = Files.createDirectories(daemon.engine().root().resolve(unique("host")));
        Files.writeString(dir.resolve("f"), "bound\n");
        String source = unique("binder");
        docker("create", "--name", source, "-v", dir + ":/bound", "busybox", "true");
        assertThat(docker("run", "--rm", "--volumes-from", source, "busybox", "cat", "/bound/f").outLine()).isEqualTo("bound");
        docker("rm", source);
    }

    @Test
    void volumesFromAMissingContainerIsDockersError() {
        List<String> before = volumeNames();
        Result r = daemon.docker("run", "--rm", "--volumes-from", "no-such-container", "busybox", "true");
        assertThat(r.exitCode()).isEqualTo(125);
        assertThat(r.err()).contains("No such container: no-such-container");
        assertThat(volumeNames()).isEqualTo(before);
    }

    /** The book's read-only WordPress container: / refuses writes, its anonymous volumes and tmpfs do not. */
    @Test
    void aReadOnlyContainerWritesToItsAnonymousVolumesAndTmpfs() {
        Result r = daemon.docker("run", "--rm", "--read-only", "--tmpfs", "/run:rw,size=64m,mode=1777",
                "-v", "/run/lock/apache2/", "-v", "/run/apache2/", "busybox", "sh", "-c",
                "touch /rootfile; echo root=$?; touch /run/apache2/pid /run/lock/apache2/lock /run/t && echo ok");
        assertThat(r.out().lines().toList()).as(r.err()).containsExactly("root=1", "ok");
        assertThat(r.err()).contains("touch: /rootfile: Read-only file system");
    }

    // ---- copy-up ----------------------------------------------------------------------------------

    /** /config in the image: a file owned 1000:1000 mode 0640, a subdirectory 0700, a symlink; the directory 0750. */
    private static void configDirectory(TarArchiveOutputStream tar) {
        TarArchiveEntry dir = new TarArchiveEntry("config/");
        dir.setMode(040750);
        dir.setIds(1000, 1000);
        put(tar, dir, null);
        TarArchiveEntry file = new TarArchiveEntry("config/app.conf");
        file.setMode(0100640);
        file.setIds(1000, 1000);
        file.setModTime(1_000_000_000_000L);
        put(tar, file, "setting=packed\n".getBytes(StandardCharsets.UTF_8));
        TarArchiveEntry sub = new TarArchiveEntry("config/private/");
        sub.setMode(040700);
        sub.setIds(1000, 1000);
        put(tar, sub, null);
        TarArchiveEntry link = new TarArchiveEntry("config/current", TarArchiveEntry.LF_SYMLINK);
        link.setLinkName("app.conf");
        put(tar, link, null);
    }

    @Test
    void aDataPackedImageSeedsItsVolumeKeepingOwnersModesAndLinks() throws IOException {
        String name = unique("packed");
        docker("run", "--name", name, "datapacked", "cat", "/config/current");
        JsonNode m = JSON.readTree(docker("inspect", "-f", "{{json .Mounts}}", name).outLine()).get(0);
        assertThat(m.get("Destination").asText()).isEqualTo("/config");
        assertThat(m.get("Mode").asText()).isEmpty();
        Path data = Path.of(m.get("Source").asText());
        assertThat(Files.readString(data.resolve("app.conf"))).isEqualTo("setting=packed\n");
        assertThat(owner(data.resolve("app.conf"))).isEqualTo("1000:1000");
        assertThat(mode(data.resolve("app.conf"))).isEqualTo("rw-r-----");
        assertThat(Files.getLastModifiedTime(data.resolve("app.conf")).toMillis()).isEqualTo(1_000_000_000_000L);
        assertThat(mode(data.resolve("private"))).isEqualTo("rwx------");
        assertThat(Files.readSymbolicLink(data.resolve("current")).toString()).isEqualTo("app.conf");
        assertThat(mode(data)).isEqualTo("rwxr-x---");
        assertThat(owner(data)).isEqualTo("1000:1000");
        assertThat(docker("logs", name).outLine()).isEqualTo("setting=packed");
        docker("rm", "-v", name);
    }

    @Test
    void aNamedVolumeThatIsNewIsSeededAndOneInUseIsNot() throws IOException {
        String vol = unique("seeded");
        docker("run", "--rm", "-v", vol + ":/config", "datapacked", "sh", "-c", "echo changed > /config/app.conf");
        // the volume has content now: a second container over the image's directory keeps it
        assertThat(docker("run", "--rm", "-v", vol + ":/config", "datapacked", "cat", "/config/app.conf").outLine())
                .isEqualTo("changed");
        docker("volume", "rm", vol);
    }

    @Test
    void nocopyLeavesTheNewVolumeEmpty() {
        String vol = unique("nocopy");
        String mountVol = unique("nocopy-mount");
        assertThat(docker("run", "--rm", "-v", vol + ":/config:nocopy", "datapacked", "ls", "-A", "/config").out()).isEmpty();
        assertThat(docker("run", "--rm", "--mount", "type=volume,source=" + mountVol + ",target=/config,volume-nocopy",
                "datapacked", "ls", "-A", "/config").out()).isEmpty();
        docker("volume", "rm", vol, mountVol);
    }

    /** An image whose /data is a symlink to /etc: the volume lands on the container's /etc, never the host's. */
    @Test
    void aVolumeOverAHostileSymlinkStaysInsideTheContainersRoot() throws IOException {
        String vol = unique("hostile");
        String marker = unique("marker");
        docker("run", "--rm", "-v", vol + ":/data", "hostile", "sh", "-c", "touch /etc/" + marker);
        Path data = mountpoint(vol);
        // written through the container's /etc, and seeded from it: what the image has there, not the host's
        assertThat(data.resolve(marker)).isRegularFile();
        assertThat(Path.of("/etc", marker)).doesNotExist();
        List<String> imageEtc = docker("run", "--rm", "hostile", "ls", "-A", "/etc").out().lines().sorted().toList();
        try (Stream<Path> inVolume = Files.list(data)) {
            assertThat(inVolume.map(p -> p.getFileName().toString()).filter(n -> !n.equals(marker)).sorted().toList())
                    .isEqualTo(imageEtc);
        }
        docker("volume", "rm", vol);
    }

    // ---- removal ------------------------------------------------------------------------------------

    @Test
    void rmVRemovesAnonymousVolumesAndKeepsNamedOnes() throws IOException {
        String named = unique("named");
        String name = unique("c");
        docker("run", "--name", name, "-v", named + ":/named", "-v", "/anon", "busybox", "true");
        String anon = anonymousOf(name, "/anon");
        docker("rm", "-v", name);
        assertThat(volumeExists(anon)).isFalse();
        assertThat(volumeExists(named)).isTrue();
        docker("volume", "rm", named);
    }

    @Test
    void rmWithoutVKeepsAnonymousVolumes() throws IOException {
        String name = unique("c");
        docker("run", "--name", name, "-v", "/anon", "busybox", "true");
        String anon = anonymousOf(name, "/anon");
        docker("rm", name);
        assertThat(volumeExists(anon)).isTrue();
        docker("volume", "rm", anon);
    }

    @Test
    void runRmRemovesTheContainersAnonymousVolumes() {
        List<String> before = volumeNames();
        String named = unique("kept");
        docker("run", "--rm", "-v", "/scratch", "-v", named + ":/kept", "busybox", "touch", "/scratch/x");
        List<String> after = new ArrayList<>(volumeNames());
        after.removeAll(before);
        assertThat(after).containsExactly(named);
        docker("volume", "rm", named);
    }

    @Test
    void rmVKeepsAnAnonymousVolumeAnotherContainerStillUses() throws IOException {
        String holder = unique("holder");
        String user = unique("user");
        docker("create", "--name", holder, "-v", "/shared", "busybox", "true");
        docker("create", "--name", user, "--volumes-from", holder, "busybox", "true");
        String anon = anonymousOf(holder, "/shared");
        docker("rm", "-v", holder);
        assertThat(volumeExists(anon)).isTrue();
        docker("rm", "-v", user);
        assertThat(volumeExists(anon)).isFalse();
    }

    private static String anonymousOf(String container, String destination) throws IOException {
        for (JsonNode m : JSON.readTree(docker("inspect", "-f", "{{json .Mounts}}", container).outLine())) {
            if (m.get("Destination").asText().equals(destination)) {
                return m.get("Name").asText();
            }
        }
        throw new AssertionError("no mount at " + destination);
    }

    @Test
    void aVolumeInUseIsNotRemovedRunningOrNot() throws IOException {
        String vol = unique("busy");
        String name = unique("c");
        String id = docker("create", "--name", name, "-v", vol + ":/data", "busybox", "true").outLine();
        Result r = daemon.docker("volume", "rm", vol);
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).contains("remove " + vol + ": volume is in use - [" + id + "]");
        UnixHttp.Response api = http.send("DELETE", "/v1.41/volumes/" + vol + "?force=1", "");
        assertThat(api.status()).isEqualTo(409);
        assertThat(JSON.readTree(api.body()).get("message").asText()).isEqualTo("remove " + vol + ": volume is in use - [" + id + "]");
        assertThat(volumeExists(vol)).isTrue();
        docker("rm", name);
        docker("volume", "rm", vol);
    }

    // ---- the /volumes endpoints and the docker volume commands ----------------------------------------

    @Test
    void dockerVolumeCreateInspectLsAndRm() throws IOException {
        String vol = unique("cli");
        assertThat(docker("volume", "create", "--label", "app=web", vol).outLine()).isEqualTo(vol);
        JsonNode v = JSON.readTree(docker("volume", "inspect", vol).out()).get(0);
        assertThat(v.get("Name").asText()).isEqualTo(vol);
        assertThat(v.get("Driver").asText()).isEqualTo("local");
        assertThat(v.get("Scope").asText()).isEqualTo("local");
        assertThat(v.get("Labels").get("app").asText()).isEqualTo("web");
        assertThat(v.get("Mountpoint").asText()).isEqualTo(daemon.engine().root().resolve("volumes/" + vol + "/_data").toString());
        assertThat(v.get("CreatedAt").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
        assertThat(docker("volume", "ls", "--filter", "label=app=web", "--format", "{{.Driver}} {{.Name}}").out().lines())
                .contains("local " + vol);
        assertThat(docker("volume", "ls", "-q", "--filter", "name=" + vol).outLine()).isEqualTo(vol);
        assertThat(docker("volume", "rm", vol).outLine()).isEqualTo(vol);
        Result gone = daemon.docker("volume", "inspect", vol);
        assertThat(gone.exitCode()).isEqualTo(1);
        assertThat(gone.err()).contains("get " + vol + ": no such volume");
    }

    @Test
    void danglingFilterListsOnlyVolumesNoContainerUses() {
        String used = unique("used");
        String free = unique("free");
        String name = unique("c");
        docker("volume", "create", free);
        docker("create", "--name", name, "-v", used + ":/u", "busybox", "true");
        List<String> dangling = docker("volume", "ls", "-q", "--filter", "dangling=true").out().lines().toList();
        assertThat(dangling).contains(free).doesNotContain(used);
        assertThat(docker("volume", "ls", "-q", "--filter", "dangling=false").out().lines()).contains(used).doesNotContain(free);
        docker("rm", name);
        docker("volume", "rm", used, free);
    }

    @Test
    void pruneRemovesUnusedAnonymousVolumesAndWithAllNamedOnes() throws IOException {
        String named = unique("prunable");
        docker("volume", "create", named);
        String name = unique("c");
        docker("run", "--name", name, "-v", "/anon", "busybox", "sh", "-c", "echo 1234 > /anon/f");
        String anon = anonymousOf(name, "/anon");
        docker("rm", name);
        Result r = docker("volume", "prune", "-f");
        assertThat(r.out()).contains(anon).doesNotContain(named);
        assertThat(volumeExists(anon)).isFalse();
        assertThat(volumeExists(named)).isTrue();
        UnixHttp.Response all = http.send("POST", "/v1.47/volumes/prune?filters="
                + URLEncoder.encode("{\"all\":[\"true\"]}", StandardCharsets.UTF_8), "");
        assertThat(all.status()).isEqualTo(200);
        assertThat(JSON.readTree(all.body()).get("VolumesDeleted").toString()).contains(named);
        assertThat(volumeExists(named)).isFalse();
    }

    @Test
    void createOverTheApiIs201AndANameThatExistsReturnsTheVolume() throws IOException {
        String vol = unique("api");
        UnixHttp.Response first = http.send("POST", "/v1.41/volumes/create", "{\"Name\":\"" + vol + "\",\"Labels\":{\"a\":\"1\"}}");
        assertThat(first.status()).isEqualTo(201);
        UnixHttp.Response again = http.send("POST", "/v1.41/volumes/create", "{\"Name\":\"" + vol + "\",\"Labels\":{\"b\":\"2\"}}");
        assertThat(again.status()).isEqualTo(201);
        assertThat(JSON.readTree(again.body()).get("Labels").toString()).isEqualTo("{\"a\":\"1\"}");
        UnixHttp.Response list = http.send("GET", "/v1.41/volumes", "");
        JsonNode listed = JSON.readTree(list.body());
        assertThat(listed.has("Warnings")).isTrue();
        assertThat(listed.get("Volumes").toString()).contains("\"Name\":\"" + vol + "\"");
        assertThat(http.send("DELETE", "/v1.41/volumes/" + vol, "").status()).isEqualTo(204);
        UnixHttp.Response missing = http.send("DELETE", "/v1.41/volumes/" + vol, "");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.body()).contains("get " + vol + ": no such volume");
        assertThat(http.send("DELETE", "/v1.41/volumes/" + vol + "?force=1", "").status()).isEqualTo(204);
    }

    @TestFactory
    Stream<DynamicTest> badVolumeCreatesAreRefusedAndCreateNothing() {
        List<DynamicTest> tests = new ArrayList<>();
        tests.add(badCreate("a name with a slash", "{\"Name\":\"a/b\"}", 400, "\"a/b\" includes invalid characters"));
        tests.add(badCreate("a one-letter name", "{\"Name\":\"a\"}", 400, "volume name is too short"));
        tests.add(badCreate("another driver", "{\"Name\":\"nfsvol\",\"Driver\":\"nfs\"}", 400, "\"nfs\""));
        tests.add(badCreate("driver options", "{\"Name\":\"optvol\",\"DriverOpts\":{\"type\":\"tmpfs\"}}", 400, "(type)"));
        return tests.stream();
    }

    private static DynamicTest badCreate(String name, String body, int status, String message) {
        return DynamicTest.dynamicTest(name, () -> {
            List<String> before = volumeNames();
            UnixHttp.Response r = http.send("POST", "/v1.41/volumes/create", body);
            assertThat(r.status()).as(r.body()).isEqualTo(status);
            assertThat(JSON.readTree(r.body()).get("message").asText()).contains(message);
            assertThat(volumeNames()).isEqualTo(before);
            try (Stream<Path> entries = Files.list(daemon.engine().root().resolve("volumes"))) {
                assertThat(entries.map(p -> p.getFileName().toString())).allMatch(n -> !n.startsWith("."));
            }
        });
    }

    /** Each bad volume spec of a container gets Docker's message with a 400, and no container or volume. */
    @TestFactory
    Stream<DynamicTest> badVolumeSpecsGetDockersErrorAndChangeNothing() {
        List<DynamicTest> tests = new ArrayList<>();
        tests.add(refused("a volume name with a slash", b -> binds(b, "data/x:/data"),
                "create data/x: \"data/x\" includes invalid characters for a local volume name, only \"[a-zA-Z0-9][a-zA-Z0-9_.-]\""
                        + " are allowed. If you intended to pass a host directory, use absolute path"));
        tests.add(refused("a one-letter volume name", b -> binds(b, "a:/data"),
                "create a: volume name is too short, names should be at least two alphanumeric characters"));
        tests.add(refused("a volume with a relative destination", b -> binds(b, "good-name:data"),
                "invalid volume specification: 'good-name:data': invalid mount config for type \"volume\": invalid mount path: 'data' mount path must be absolute"));
        tests.add(refused("a volume with propagation", b -> binds(b, "good-name:/data:rslave"),
                "invalid volume specification: 'good-name:/data:rslave': invalid mount config for type \"volume\": field BindOptions must not be specified"));
        tests.add(refused("the same destination for a volume and a bind", b -> binds(b, "good-name:/data", "/tmp:/data"),
                "Duplicate mount point: /data"));
        tests.add(refused("a read-only anonymous --mount volume", b -> mount(b, "volume", "", "/data").put("ReadOnly", true),
                "invalid mount config for type \"volume\": must not set ReadOnly mode when using anonymous volumes"));
        tests.add(refused("a --mount volume of another driver", b -> mount(b, "volume", "good-name", "/data")
                        .putObject("VolumeOptions").putObject("DriverConfig").put("Name", "nfs"),
                "purser does not support the volume driver \"nfs\" (HostConfig.Mounts.VolumeOptions.DriverConfig.Name) yet"));
        tests.add(refused("--volumes-from with a propagation", b -> b.with("HostConfig").putArray("VolumesFrom").add("x:rslave"),
                "invalid mode: rslave"));
        tests.add(refused("Config.Volumes with a relative path", b -> b.putObject("Volumes").putObject("data"),
                "invalid mount config for type \"volume\": invalid mount path: 'data' mount path must be absolute"));
        tests.add(refused("a volume driver", b -> b.with("HostConfig").put("VolumeDriver", "nfs"),
                "purser does not support HostConfig.VolumeDriver yet"));
        return tests.stream();
    }

    private static void binds(ObjectNode body, String... binds) {
        var array = body.with("HostConfig").putArray("Binds");
        for (String b : binds) {
            array.add(b);
        }
    }

    private static ObjectNode mount(ObjectNode body, String type, String source, String target) {
        ObjectNode m = body.with("HostConfig").putArray("Mounts").addObject().put("Type", type).put("Target", target);
        if (!source.isEmpty()) {
            m.put("Source", source);
        }
        return m;
    }

    private static DynamicTest refused(String name, Consumer<ObjectNode> set, String message) {
        return DynamicTest.dynamicTest(name, () -> {
            ObjectNode body = JSON.createObjectNode().put("Image", "busybox");
            body.putArray("Cmd").add("true");
            set.accept(body);
            int before = JSON.readTree(http.send("GET", "/v1.41/containers/json?all=1", "").body()).size();
            List<String> volumesBefore = volumeNames();
            UnixHttp.Response r = http.send("POST", "/v1.41/containers/create", body.toString());
            assertThat(r.status()).as(body + " -> " + r.body()).isEqualTo(400);
            assertThat(JSON.readTree(r.body()).get("message").asText()).isEqualTo(message);
            assertThat(JSON.readTree(http.send("GET", "/v1.41/containers/json?all=1", "").body()).size()).isEqualTo(before);
            assertThat(volumeNames()).isEqualTo(volumesBefore);
        });
    }

    // ---- the API's container fields, filters, df, events ------------------------------------------------

    @Test
    void configVolumesOverTheApiAreAnonymousVolumes() throws IOException {
        ObjectNode body = JSON.createObjectNode().put("Image", "busybox");
        body.putArray("Cmd").add("true");
        body.putObject("Volumes").putObject("/cache");
        UnixHttp.Response r = http.send("POST", "/v1.41/containers/create", body.toString());
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        String id = JSON.readTree(r.body()).get("Id").asText();
        String anon = anonymousOf(id, "/cache");
        assertThat(JSON.readTree(docker("volume", "inspect", anon).out()).get(0).get("Labels").has("com.docker.volume.anonymous")).isTrue();
        assertThat(http.send("DELETE", "/v1.41/containers/" + id + "?v=1", "").status()).isEqualTo(204);
        assertThat(volumeExists(anon)).isFalse();
    }

    @Test
    void mountVolumeLabelsLabelTheVolumeItCreates() throws IOException {
        String vol = unique("labelled");
        ObjectNode body = JSON.createObjectNode().put("Image", "busybox");
        body.putArray("Cmd").add("true");
        ObjectNode options = mount(body, "volume", vol, "/l").putObject("VolumeOptions");
        options.putObject("Labels").put("tier", "db");
        options.putObject("DriverConfig").put("Name", "local");
        UnixHttp.Response r = http.send("POST", "/v1.41/containers/create", body.toString());
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        assertThat(docker("volume", "inspect", "-f", "{{.Labels.tier}}", vol).outLine()).isEqualTo("db");
        docker("rm", JSON.readTree(r.body()).get("Id").asText());
        docker("volume", "rm", vol);
    }

    @Test
    void psVolumeFilterMatchesAVolumesNameOrDestination() {
        String vol = unique("ps");
        String name = unique("c");
        docker("create", "--name", name, "-v", vol + ":/psdata", "busybox", "true");
        assertThat(docker("ps", "-a", "--filter", "volume=" + vol, "--format", "{{.Names}}").outLine()).isEqualTo(name);
        assertThat(docker("ps", "-a", "--filter", "volume=/psdata", "--format", "{{.Names}}").outLine()).isEqualTo(name);
        docker("rm", name);
        docker("volume", "rm", vol);
    }

    @Test
    void systemDfCountsVolumesWithTheirSizeAndUsers() throws IOException {
        String vol = unique("df");
        String name = unique("c");
        docker("run", "--name", name, "-v", vol + ":/d", "busybox", "sh", "-c", "printf 1234567890 > /d/f");
        JsonNode df = JSON.readTree(http.send("GET", "/v1.41/system/df", "").body());
        JsonNode row = null;
        for (JsonNode v : df.get("Volumes")) {
            if (v.get("Name").asText().equals(vol)) {
                row = v;
            }
        }
        assertThat(row).as(df.get("Volumes").toString()).isNotNull();
        assertThat(row.get("UsageData").get("Size").asLong()).isEqualTo(10);
        assertThat(row.get("UsageData").get("RefCount").asLong()).isEqualTo(1);
        assertThat(docker("system", "df", "--format", "{{.Type}}").out()).contains("Local Volumes");
        docker("rm", name);
        docker("volume", "rm", vol);
    }

    @Test
    void volumeEventsAreCreateMountUnmountAndDestroy() {
        String vol = unique("events");
        String since = Long.toString(Instant.now().getEpochSecond() - 1);
        docker("run", "--rm", "-v", vol + ":/e", "busybox", "true");
        docker("volume", "rm", vol);
        String until = Long.toString(Instant.now().getEpochSecond() + 1);
        List<String> actions = docker("events", "--since", since, "--until", until, "--filter", "type=volume",
                "--filter", "volume=" + vol, "--format", "{{.Action}}").out().lines().toList();
        assertThat(actions).containsExactly("create", "mount", "unmount", "destroy");
    }

    // ---- images for the tests ---------------------------------------------------------------------------

    private static void importImage(String reference, List<String> changes, Consumer<TarArchiveOutputStream> extra)
            throws IOException {
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
            extra.accept(tar);
        }
        daemon.engine().engine().images().importRootfs(new ByteArrayInputStream(out.toByteArray()), reference, changes, "");
    }

    private static void put(TarArchiveOutputStream tar, TarArchiveEntry entry, byte[] content) {
        try {
            if (content != null) {
                entry.setSize(content.length);
            }
            tar.putArchiveEntry(entry);
            if (content != null) {
                tar.write(content);
            }
            tar.closeArchiveEntry();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String owner(Path p) throws IOException {
        return Files.getAttribute(p, "unix:uid", LinkOption.NOFOLLOW_LINKS) + ":"
                + Files.getAttribute(p, "unix:gid", LinkOption.NOFOLLOW_LINKS);
    }

    private static String mode(Path p) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p, LinkOption.NOFOLLOW_LINKS));
    }
}
