package dev.purser.engine.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.purser.engine.testing.BusyboxImage;
import dev.purser.engine.testing.TestDaemon;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Copy-up (issue 12, second part): a new volume over an image's directory is seeded from it keeping owners, modes and
 * links, one in use or marked nocopy is not, and a hostile symlink in the image stays inside the container's root,
 * through the stock docker CLI of a real daemon.
 */
class VolumeCopyUpIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    static TestDaemon daemon;
    static VolumeQueries volumes;

    @BeforeAll
    static void startDaemon() throws IOException {
        daemon = TestDaemon.start();
        volumes = new VolumeQueries(daemon);
        importImage("datapacked:latest", List.of("VOLUME /config"), VolumeCopyUpIT::configDirectory);
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
