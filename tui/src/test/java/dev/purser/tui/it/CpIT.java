package dev.purser.tui.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.purser.tui.it.InProcessDaemon.Result;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@code purser cp} with docker cp's rules for files, directories, trailing / and /., and - for tar streams. */
@Timeout(value = 120, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class CpIT {
    static InProcessDaemon daemon;
    static Path local;

    @BeforeAll
    static void startDaemon() throws IOException {
        daemon = InProcessDaemon.start();
        daemon.importBusybox();
        daemon.purser("run", "-d", "--name", "cp-run", "busybox", "sleep", "1000");
        daemon.purser("create", "--name", "cp-stopped", "busybox", "true");
        daemon.purser("exec", "cp-run", "sh", "-c", "mkdir -p /data/sub && echo a > /data/a && echo b > /data/sub/b && ln -s /data/a /data/alink");
        local = Files.createDirectories(daemon.root().resolve("local"));
    }

    @AfterAll
    static void stopDaemon() {
        daemon.close();
    }

    private static Result purser(String... args) {
        return daemon.purser(args);
    }

    private static String cat(String container, String path) {
        return purser("exec", container, "cat", path).out();
    }

    private static Path fresh(String name) throws IOException {
        Path dir = local.resolve(name);
        Files.createDirectories(dir);
        return dir;
    }

    @Test
    void aFileGoesIntoAnExistingDirectoryUnderItsOwnName() throws IOException {
        Path f = Files.writeString(fresh("in-file").resolve("note.txt"), "note\n");
        Result r = purser("cp", f.toString(), "cp-run:/tmp");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(cat("cp-run", "/tmp/note.txt")).isEqualTo("note\n");
        assertThat(purser("exec", "cp-run", "stat", "-c", "%u:%g", "/tmp/note.txt").outLine()).isEqualTo("0:0");
    }

    @Test
    void aFileToAMissingPathTakesThatName() throws IOException {
        Path f = Files.writeString(fresh("in-rename").resolve("orig.txt"), "renamed\n");
        assertThat(purser("cp", f.toString(), "cp-run:/tmp/renamed.txt").exitCode()).isZero();
        assertThat(cat("cp-run", "/tmp/renamed.txt")).isEqualTo("renamed\n");
    }

    @Test
    void aFileToAMissingPathWithATrailingSlashIsRefused() throws IOException {
        Path f = Files.writeString(fresh("in-slash").resolve("f"), "x");
        Result r = purser("cp", f.toString(), "cp-run:/tmp/nodir/");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).contains("no such directory");
    }

    @Test
    void aDirectoryToAMissingPathBecomesThatDirectory() throws IOException {
        Path dir = fresh("in-dir/tree");
        Files.writeString(dir.resolve("t"), "t\n");
        assertThat(purser("cp", dir.toString(), "cp-run:/tmp/newtree").exitCode()).isZero();
        assertThat(cat("cp-run", "/tmp/newtree/t")).isEqualTo("t\n");
    }

    @Test
    void aDirectoryIntoAnExistingDirectoryGoesInsideItAndSlashDotCopiesItsContents() throws IOException {
        Path dir = fresh("in-dot/tree2");
        Files.writeString(dir.resolve("c"), "c\n");
        purser("exec", "cp-run", "mkdir", "-p", "/tmp/into", "/tmp/contents");
        assertThat(purser("cp", dir.toString(), "cp-run:/tmp/into").exitCode()).isZero();
        assertThat(cat("cp-run", "/tmp/into/tree2/c")).isEqualTo("c\n");
        assertThat(purser("cp", dir + "/.", "cp-run:/tmp/contents").exitCode()).isZero();
        assertThat(cat("cp-run", "/tmp/contents/c")).isEqualTo("c\n");
    }

    @Test
    void aFileComesOutIntoADirectoryOrUnderANewName() throws IOException {
        Path dir = fresh("out-file");
        assertThat(purser("cp", "cp-run:/data/a", dir.toString()).exitCode()).isZero();
        assertThat(Files.readString(dir.resolve("a"))).isEqualTo("a\n");
        assertThat(purser("cp", "cp-run:/data/a", dir.resolve("other").toString()).exitCode()).isZero();
        assertThat(Files.readString(dir.resolve("other"))).isEqualTo("a\n");
    }

    @Test
    void aDirectoryComesOutWithItsTreeAndLinksAsLinks() throws IOException {
        Path dir = fresh("out-dir");
        Result r = purser("cp", "cp-run:/data", dir.resolve("copy").toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(Files.readString(dir.resolve("copy/sub/b"))).isEqualTo("b\n");
        assertThat(Files.readSymbolicLink(dir.resolve("copy/alink")).toString()).isEqualTo("/data/a");
    }

    @Test
    void followLinkCopiesWhatALinkPointsToUnderTheLinksName() throws IOException {
        Path dir = fresh("out-follow");
        assertThat(purser("cp", "-L", "cp-run:/data/alink", dir.toString()).exitCode()).isZero();
        assertThat(Files.isSymbolicLink(dir.resolve("alink"))).isFalse();
        assertThat(Files.readString(dir.resolve("alink"))).isEqualTo("a\n");
    }

    @Test
    void aDirectoryOntoAnExistingFileIsRefused() throws IOException {
        Path f = Files.writeString(fresh("out-conflict").resolve("file"), "x");
        Result r = purser("cp", "cp-run:/data", f.toString());
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).contains("cannot copy directory");
    }

    @Test
    void dashAsDestinationWritesATarToStdout() throws IOException {
        byte[] tar = daemon.purserBytes("cp", "cp-run:/data/a", "-");
        List<String> names = new ArrayList<>();
        try (TarArchiveInputStream in = new TarArchiveInputStream(new ByteArrayInputStream(tar))) {
            for (TarArchiveEntry e; (e = in.getNextEntry()) != null; ) {
                names.add(e.getName());
            }
        }
        assertThat(names).containsExactly("a");
    }

    @Test
    void dashAsSourceExtractsATarFromStdinIntoADirectory() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(bytes)) {
            byte[] data = "piped\n".getBytes(StandardCharsets.UTF_8);
            TarArchiveEntry e = new TarArchiveEntry("piped.txt");
            e.setSize(data.length);
            tar.putArchiveEntry(e);
            tar.write(data);
            tar.closeArchiveEntry();
        }
        Result r = daemon.purser(new ByteArrayInputStream(bytes.toByteArray()), "cp", "-", "cp-run:/tmp");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(cat("cp-run", "/tmp/piped.txt")).isEqualTo("piped\n");
    }

    @Test
    void copiesIntoAndOutOfAStoppedContainer() throws IOException {
        Path f = Files.writeString(fresh("stopped").resolve("s.txt"), "stopped\n");
        assertThat(purser("cp", f.toString(), "cp-stopped:/root/").exitCode()).isZero();
        Path back = local.resolve("stopped/back.txt");
        assertThat(purser("cp", "cp-stopped:/root/s.txt", back.toString()).exitCode()).isZero();
        assertThat(Files.readString(back)).isEqualTo("stopped\n");
    }

    @Test
    void aMissingPathInTheContainerFailsWithDockersMessage() throws IOException {
        Result r = purser("cp", "cp-run:/nope", fresh("missing").toString());
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).contains("Error response from daemon: Could not find the file /nope in container cp-run");
    }

    @Test
    void archiveModeIsRefusedAsNotImplemented() throws IOException {
        Result r = purser("cp", "-a", fresh("archive").toString(), "cp-run:/tmp");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).contains("--archive");
    }

    @Test
    void copyingBetweenContainersIsRefusedAsDockerDoes() {
        Result r = purser("cp", "cp-run:/data/a", "cp-stopped:/tmp");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).contains("copying between containers is not supported");
        Result none = purser("cp", "/tmp/x", "/tmp/y");
        assertThat(none.err()).contains("must specify at least one container source");
    }
}
