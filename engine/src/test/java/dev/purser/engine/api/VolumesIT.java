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
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
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
 * {@code --volumes-from}, {@code rm -v} and {@code --rm}, and the volume specs of a container,
 * through the stock docker CLI and the raw API of a real daemon (the {@code /volumes} endpoints
 * themselves: {@link VolumeApiIT}).
 */
class VolumesIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    static TestDaemon daemon;
    static UnixHttp http;
    static VolumeQueries volumes;

    @BeforeAll
    static void startDaemon() throws IOException {
        daemon = TestDaemon.start();
        http = new UnixHttp(daemon.socket());
        volumes = new VolumeQueries(daemon);
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

    private static Path mountpoint(String volume) {
        return Path.of(volumes.ok("volume", "inspect", "-f", "{{.Mountpoint}}", volume).outLine());
    }

    // ---- data outlives containers ---------------------------------------------------------------

    @Test
    void aFileWrittenIntoANamedVolumeIsThereForTheNextContainer() {
        String vol = VolumeQueries.unique("notes");
        volumes.ok("run", "--name", vol + "-writer", "-v", vol + ":/notes", "busybox", "sh", "-c", "echo kept > /notes/n.txt");
        volumes.ok("rm", vol + "-writer");
        assertThat(volumes.ok("run", "--rm", "-v", vol + ":/notes", "busybox", "cat", "/notes/n.txt").outLine()).isEqualTo("kept");
        volumes.ok("volume", "rm", vol);
    }

    @Test
    void anFsyncedWriteSurvivesItsContainerBeingKilled() throws Exception {
        String vol = VolumeQueries.unique("synced");
        String id = volumes.ok("run", "-d", "-v", vol + ":/v", "busybox", "sh", "-c",
                "echo durable > /v/f && sync /v/f && echo written && exec sleep 600").outLine();
        awaitLog(id, "written");
        volumes.ok("kill", id);
        volumes.ok("rm", id);
        assertThat(volumes.ok("run", "--rm", "-v", vol + ":/v", "busybox", "cat", "/v/f").outLine()).isEqualTo("durable");
        volumes.ok("volume", "rm", vol);
    }

    private static void awaitLog(String id, String text) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (!volumes.ok("logs", id).out().contains(text)) {
            assertThat(Instant.now()).as("log of " + id + " shows " + text).isBefore(deadline);
            Thread.onSpinWait();
        }
    }

    // ---- anonymous volumes, the book's volume container, --volumes-from -------------------------

    @Test
    void anAnonymousVolumeIsA64HexVolumeShownInInspect() throws IOException {
        String name = VolumeQueries.unique("anon");
        volumes.ok("run", "--name", name, "-v", "/var/lib/data", "busybox", "touch", "/var/lib/data/x");
        JsonNode mounts = JSON.readTree(volumes.ok("inspect", "-f", "{{json .Mounts}}", name).outLine());
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
        volumes.ok("rm", "-v", name);
    }

    @Test
    void inspectShowsANamedVolumeAsDockerDoes() throws IOException {
        String vol = VolumeQueries.unique("shown");
        String name = VolumeQueries.unique("c");
        volumes.ok("create", "--name", name, "-v", vol + ":/data:ro", "busybox", "true");
        JsonNode m = JSON.readTree(volumes.ok("inspect", "-f", "{{json .Mounts}}", name).outLine()).get(0);
        List<String> keys = new ArrayList<>();
        m.fieldNames().forEachRemaining(keys::add);
        assertThat(keys).containsExactly("Type", "Name", "Source", "Destination", "Driver", "Mode", "RW", "Propagation");
        assertThat(m.get("Name").asText()).isEqualTo(vol);
        assertThat(m.get("Mode").asText()).isEqualTo("ro");
        assertThat(m.get("RW").asBoolean()).isFalse();
        volumes.ok("rm", name);
        volumes.ok("volume", "rm", vol);
    }

    /** The book's volume container: a container that only holds a volume, used by others whether it runs or not. */
    @Test
    void volumesFromTakesTheVolumesOfAStoppedContainer() {
        String shared = VolumeQueries.unique("cass-shared");
        volumes.ok("run", "-d", "--volume", "/var/lib/cassandra/data", "--name", shared, "busybox", "echo", "Data Container");
        volumes.ok("wait", shared);
        volumes.ok("run", "--rm", "--volumes-from", shared, "busybox", "sh", "-c", "echo row > /var/lib/cassandra/data/t");
        assertThat(volumes.ok("run", "--rm", "--volumes-from", shared, "busybox", "cat", "/var/lib/cassandra/data/t").outLine())
                .isEqualTo("row");
        Result ro = daemon.docker("run", "--rm", "--volumes-from", shared + ":ro", "busybox", "touch", "/var/lib/cassandra/data/u");
        assertThat(ro.exitCode()).isEqualTo(1);
        assertThat(ro.err()).contains("Read-only file system");
        volumes.ok("rm", "-v", shared);
    }

    @Test
    void volumesFromTakesBindsToo() throws IOException {
        Path dir = Files.createDirectories(daemon.engine().root().resolve(VolumeQueries.unique("host")));
        Files.writeString(dir.resolve("f"), "bound\n");
        String source = VolumeQueries.unique("binder");
        volumes.ok("create", "--name", source, "-v", dir + ":/bound", "busybox", "true");
        assertThat(volumes.ok("run", "--rm", "--volumes-from", source, "busybox", "cat", "/bound/f").outLine()).isEqualTo("bound");
        volumes.ok("rm", source);
    }

    @Test
    void volumesFromAMissingContainerIsDockersError() {
        List<String> before = volumes.names();
        Result r = daemon.docker("run", "--rm", "--volumes-from", "no-such-container", "busybox", "true");
        assertThat(r.exitCode()).isEqualTo(125);
        assertThat(r.err()).contains("No such container: no-such-container");
        assertThat(volumes.names()).isEqualTo(before);
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
        String name = VolumeQueries.unique("packed");
        volumes.ok("run", "--name", name, "datapacked", "cat", "/config/current");
        JsonNode m = JSON.readTree(volumes.ok("inspect", "-f", "{{json .Mounts}}", name).outLine()).get(0);
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
        assertThat(volumes.ok("logs", name).outLine()).isEqualTo("setting=packed");
        volumes.ok("rm", "-v", name);
    }

    @Test
    void aNamedVolumeThatIsNewIsSeededAndOneInUseIsNot() throws IOException {
        String vol = VolumeQueries.unique("seeded");
        volumes.ok("run", "--rm", "-v", vol + ":/config", "datapacked", "sh", "-c", "echo changed > /config/app.conf");
        // the volume has content now: a second container over the image's directory keeps it
        assertThat(volumes.ok("run", "--rm", "-v", vol + ":/config", "datapacked", "cat", "/config/app.conf").outLine())
                .isEqualTo("changed");
        volumes.ok("volume", "rm", vol);
    }

    @Test
    void nocopyLeavesTheNewVolumeEmpty() {
        String vol = VolumeQueries.unique("nocopy");
        String mountVol = VolumeQueries.unique("nocopy-mount");
        assertThat(volumes.ok("run", "--rm", "-v", vol + ":/config:nocopy", "datapacked", "ls", "-A", "/config").out()).isEmpty();
        assertThat(volumes.ok("run", "--rm", "--mount", "type=volume,source=" + mountVol + ",target=/config,volume-nocopy",
                "datapacked", "ls", "-A", "/config").out()).isEmpty();
        volumes.ok("volume", "rm", vol, mountVol);
    }

    /** An image whose /data is a symlink to /etc: the volume lands on the container's /etc, never the host's. */
    @Test
    void aVolumeOverAHostileSymlinkStaysInsideTheContainersRoot() throws IOException {
        String vol = VolumeQueries.unique("hostile");
        String marker = VolumeQueries.unique("marker");
        volumes.ok("run", "--rm", "-v", vol + ":/data", "hostile", "sh", "-c", "touch /etc/" + marker);
        Path data = mountpoint(vol);
        // written through the container's /etc, and seeded from it: what the image has there, not the host's
        assertThat(data.resolve(marker)).isRegularFile();
        assertThat(Path.of("/etc", marker)).doesNotExist();
        List<String> imageEtc = volumes.ok("run", "--rm", "hostile", "ls", "-A", "/etc").out().lines().sorted().toList();
        try (Stream<Path> inVolume = Files.list(data)) {
            assertThat(inVolume.map(p -> p.getFileName().toString()).filter(n -> !n.equals(marker)).sorted().toList())
                    .isEqualTo(imageEtc);
        }
        volumes.ok("volume", "rm", vol);
    }

    // ---- removal ------------------------------------------------------------------------------------

    @Test
    void rmVRemovesAnonymousVolumesAndKeepsNamedOnes() throws IOException {
        String named = VolumeQueries.unique("named");
        String name = VolumeQueries.unique("c");
        volumes.ok("run", "--name", name, "-v", named + ":/named", "-v", "/anon", "busybox", "true");
        String anon = volumes.anonymousOf(name, "/anon");
        volumes.ok("rm", "-v", name);
        assertThat(volumes.exists(anon)).isFalse();
        assertThat(volumes.exists(named)).isTrue();
        volumes.ok("volume", "rm", named);
    }

    @Test
    void rmWithoutVKeepsAnonymousVolumes() throws IOException {
        String name = VolumeQueries.unique("c");
        volumes.ok("run", "--name", name, "-v", "/anon", "busybox", "true");
        String anon = volumes.anonymousOf(name, "/anon");
        volumes.ok("rm", name);
        assertThat(volumes.exists(anon)).isTrue();
        volumes.ok("volume", "rm", anon);
    }

    @Test
    void runRmRemovesTheContainersAnonymousVolumes() {
        List<String> before = volumes.names();
        String named = VolumeQueries.unique("kept");
        volumes.ok("run", "--rm", "-v", "/scratch", "-v", named + ":/kept", "busybox", "touch", "/scratch/x");
        List<String> after = new ArrayList<>(volumes.names());
        after.removeAll(before);
        assertThat(after).containsExactly(named);
        volumes.ok("volume", "rm", named);
    }

    @Test
    void rmVKeepsAnAnonymousVolumeAnotherContainerStillUses() throws IOException {
        String holder = VolumeQueries.unique("holder");
        String user = VolumeQueries.unique("user");
        volumes.ok("create", "--name", holder, "-v", "/shared", "busybox", "true");
        volumes.ok("create", "--name", user, "--volumes-from", holder, "busybox", "true");
        String anon = volumes.anonymousOf(holder, "/shared");
        volumes.ok("rm", "-v", holder);
        assertThat(volumes.exists(anon)).isTrue();
        volumes.ok("rm", "-v", user);
        assertThat(volumes.exists(anon)).isFalse();
    }

    @Test
    void aVolumeInUseIsNotRemovedRunningOrNot() throws IOException {
        String vol = VolumeQueries.unique("busy");
        String name = VolumeQueries.unique("c");
        String id = volumes.ok("create", "--name", name, "-v", vol + ":/data", "busybox", "true").outLine();
        Result r = daemon.docker("volume", "rm", vol);
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).contains("remove " + vol + ": volume is in use - [" + id + "]");
        UnixHttp.Response api = http.send("DELETE", "/v1.41/volumes/" + vol + "?force=1", "");
        assertThat(api.status()).isEqualTo(409);
        assertThat(JSON.readTree(api.body()).get("message").asText()).isEqualTo("remove " + vol + ": volume is in use - [" + id + "]");
        assertThat(volumes.exists(vol)).isTrue();
        volumes.ok("rm", name);
        volumes.ok("volume", "rm", vol);
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
            List<String> volumesBefore = volumes.names();
            UnixHttp.Response r = http.send("POST", "/v1.41/containers/create", body.toString());
            assertThat(r.status()).as(body + " -> " + r.body()).isEqualTo(400);
            assertThat(JSON.readTree(r.body()).get("message").asText()).isEqualTo(message);
            assertThat(JSON.readTree(http.send("GET", "/v1.41/containers/json?all=1", "").body()).size()).isEqualTo(before);
            assertThat(volumes.names()).isEqualTo(volumesBefore);
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
        String anon = volumes.anonymousOf(id, "/cache");
        assertThat(JSON.readTree(volumes.ok("volume", "inspect", anon).out()).get(0).get("Labels").has("com.docker.volume.anonymous")).isTrue();
        assertThat(http.send("DELETE", "/v1.41/containers/" + id + "?v=1", "").status()).isEqualTo(204);
        assertThat(volumes.exists(anon)).isFalse();
    }

    @Test
    void mountVolumeLabelsLabelTheVolumeItCreates() throws IOException {
        String vol = VolumeQueries.unique("labelled");
        ObjectNode body = JSON.createObjectNode().put("Image", "busybox");
        body.putArray("Cmd").add("true");
        ObjectNode options = mount(body, "volume", vol, "/l").putObject("VolumeOptions");
        options.putObject("Labels").put("tier", "db");
        options.putObject("DriverConfig").put("Name", "local");
        UnixHttp.Response r = http.send("POST", "/v1.41/containers/create", body.toString());
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        assertThat(volumes.ok("volume", "inspect", "-f", "{{.Labels.tier}}", vol).outLine()).isEqualTo("db");
        volumes.ok("rm", JSON.readTree(r.body()).get("Id").asText());
        volumes.ok("volume", "rm", vol);
    }

    @Test
    void psVolumeFilterMatchesAVolumesNameOrDestination() {
        String vol = VolumeQueries.unique("ps");
        String name = VolumeQueries.unique("c");
        volumes.ok("create", "--name", name, "-v", vol + ":/psdata", "busybox", "true");
        assertThat(volumes.ok("ps", "-a", "--filter", "volume=" + vol, "--format", "{{.Names}}").outLine()).isEqualTo(name);
        assertThat(volumes.ok("ps", "-a", "--filter", "volume=/psdata", "--format", "{{.Names}}").outLine()).isEqualTo(name);
        volumes.ok("rm", name);
        volumes.ok("volume", "rm", vol);
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
