package dev.purser.engine.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.purser.engine.testing.RawHttp;
import dev.purser.engine.testing.TestDaemon;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code /containers/{id}/archive} (HEAD, GET, PUT) on running and stopped containers, and
 * {@code docker cp} through it: paths resolved inside the container, Docker's stat header and
 * errors, a tar's escaping entries refused.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ArchiveIT {
    static TestDaemon daemon;

    @BeforeAll
    static void startDaemon() {
        daemon = TestDaemon.start();
        daemon.docker("run", "-d", "--name", "archive-run", "busybox", "sleep", "1000");
        daemon.docker("create", "--name", "archive-stopped", "busybox", "true");
    }

    @AfterAll
    static void stopDaemon() {
        daemon.docker("rm", "-f", "archive-run", "archive-stopped", "archive-ro");
        daemon.close();
    }

    private static RawHttp.Response head(String container, String path) {
        return RawHttp.json(daemon.socket(), "HEAD", "/v1.41/containers/" + container + "/archive?path=" + path, null);
    }

    private static RawHttp.Response get(String container, String path) {
        return RawHttp.json(daemon.socket(), "GET", "/v1.41/containers/" + container + "/archive?path=" + path, null);
    }

    private static RawHttp.Response put(String container, String path, byte[] tar) {
        return RawHttp.exchange(daemon.socket(), "PUT", "/v1.41/containers/" + container + "/archive?path=" + path,
                "application/x-tar", tar);
    }

    private static JsonNode stat(RawHttp.Response r) throws IOException {
        return new ObjectMapper().readTree(Base64.getDecoder().decode(r.header("X-Docker-Container-Path-Stat")));
    }

    /** A tar of (name, content) files; a content starting with "->" makes a symlink to the rest. */
    private static byte[] tar(String... namesAndContents) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(bytes)) {
            for (int i = 0; i < namesAndContents.length; i += 2) {
                String content = namesAndContents[i + 1];
                TarArchiveEntry e;
                if (content.startsWith("->")) {
                    e = new TarArchiveEntry(namesAndContents[i], TarArchiveEntry.LF_SYMLINK);
                    e.setLinkName(content.substring(2));
                    tar.putArchiveEntry(e);
                } else {
                    byte[] data = content.getBytes(StandardCharsets.UTF_8);
                    e = new TarArchiveEntry(namesAndContents[i]);
                    e.setSize(data.length);
                    e.setMode(0640);
                    tar.putArchiveEntry(e);
                    tar.write(data);
                }
                tar.closeArchiveEntry();
            }
        }
        return bytes.toByteArray();
    }

    /** Entry names and, for files, contents. */
    private static Map<String, String> entries(byte[] tarBytes) throws IOException {
        Map<String, String> out = new LinkedHashMap<>();
        try (TarArchiveInputStream in = new TarArchiveInputStream(new ByteArrayInputStream(tarBytes))) {
            TarArchiveEntry e;
            while ((e = in.getNextEntry()) != null) {
                out.put(e.getName(), e.isSymbolicLink() ? "->" + e.getLinkName()
                        : e.isFile() ? new String(in.readAllBytes(), StandardCharsets.UTF_8) : "");
            }
        }
        return out;
    }

    private static String cat(String container, String path) {
        return daemon.docker("exec", container, "cat", path).out();
    }

    @Test
    void headSendsTheStatOfAFileAsDockerEncodesIt() throws IOException {
        RawHttp.Response r = head("archive-run", "/etc/passwd");
        assertThat(r.status()).isEqualTo(200);
        JsonNode stat = stat(r);
        List<String> fields = new ArrayList<>();
        stat.fieldNames().forEachRemaining(fields::add);
        assertThat(fields).containsExactly("name", "size", "mode", "mtime", "linkTarget");
        assertThat(stat.path("name").asText()).isEqualTo("passwd");
        assertThat(stat.path("size").asLong()).isEqualTo(cat("archive-run", "/etc/passwd").length());
        assertThat(stat.path("mode").asLong()).isEqualTo(0644);
        assertThat(stat.path("mtime").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?Z");
        assertThat(stat.path("linkTarget").asText()).isEmpty();
        assertThat(r.body()).isEmpty();
    }

    @Test
    void aDirectorysModeHasGosDirectoryBit() throws IOException {
        assertThat(stat(head("archive-run", "/etc")).path("mode").asLong()).isEqualTo((1L << 31) | 0755);
    }

    @Test
    void aSymlinksStatNamesWhereItLeadsInsideTheContainer() throws IOException {
        JsonNode stat = stat(head("archive-run", "/bin/sh"));
        assertThat(stat.path("mode").asLong()).isEqualTo((1L << 27) | 0777);
        assertThat(stat.path("linkTarget").asText()).isEqualTo("/bin/busybox");
    }

    @Test
    void aMissingPathIs404WithDockersMessage() {
        RawHttp.Response r = get("archive-run", "/nope/file");
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.bodyText()).contains("Could not find the file /nope/file in container archive-run");
        assertThat(head("archive-run", "/nope").status()).isEqualTo(404);
    }

    @Test
    void aMissingPathParameterIs400() {
        RawHttp.Response r = RawHttp.json(daemon.socket(), "GET", "/v1.41/containers/archive-run/archive", null);
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.bodyText()).contains("path cannot be empty");
    }

    @Test
    void getSendsAFileAsATarNamedByItsBaseName() throws IOException {
        RawHttp.Response r = get("archive-run", "/etc/passwd");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.header("Content-Type")).isEqualTo("application/x-tar");
        assertThat(stat(r).path("name").asText()).isEqualTo("passwd");
        assertThat(entries(r.dechunked())).containsExactly(Map.entry("passwd", cat("archive-run", "/etc/passwd")));
    }

    @Test
    void getOfADirectoryHasTheDirectoryThenItsContents() throws IOException {
        daemon.docker("exec", "archive-run", "sh", "-c", "mkdir -p /data/sub && echo a > /data/a && echo b > /data/sub/b && ln -s a /data/link");
        Map<String, String> got = entries(get("archive-run", "/data").dechunked());
        assertThat(got).containsEntry("data/", "").containsEntry("data/a", "a\n").containsEntry("data/sub/", "")
                .containsEntry("data/sub/b", "b\n").containsEntry("data/link", "->a");
        assertThat(new ArrayList<>(got.keySet()).get(0)).isEqualTo("data/");
        Map<String, String> contents = entries(get("archive-run", "/data/.").dechunked());
        assertThat(contents).containsKey("./a").doesNotContainKey("data/a");
    }

    @Test
    void putExtractsIntoADirectoryOfARunningContainer() throws IOException {
        RawHttp.Response r = put("archive-run", "/tmp", tar("hello.txt", "hello\n", "deep/er.txt", "deeper\n"));
        assertThat(r.status()).as(r.bodyText()).isEqualTo(200);
        assertThat(cat("archive-run", "/tmp/hello.txt")).isEqualTo("hello\n");
        assertThat(cat("archive-run", "/tmp/deep/er.txt")).isEqualTo("deeper\n");
        assertThat(daemon.docker("exec", "archive-run", "stat", "-c", "%a", "/tmp/hello.txt").outLine()).isEqualTo("640");
    }

    @Test
    void putAndGetWorkOnAStoppedContainer() throws IOException {
        assertThat(put("archive-stopped", "/root", tar("note", "kept\n")).status()).isEqualTo(200);
        assertThat(entries(get("archive-stopped", "/root/note").dechunked())).containsExactly(Map.entry("note", "kept\n"));
        assertThat(stat(head("archive-stopped", "/bin/sh")).path("linkTarget").asText()).isEqualTo("/bin/busybox");
    }

    @Test
    void putRefusesAnEntryThatClimbsOutAndWritesNothingOnTheHost() throws IOException {
        Path escaped = daemon.engine().root().resolve("containers").resolve("escaped-by-archive");
        RawHttp.Response r = put("archive-run", "/tmp", tar("../../../../../../../../" + escaped.toString().substring(1), "x"));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.bodyText()).contains("outside");
        assertThat(escaped).doesNotExist();
    }

    @Test
    void putRefusesToWriteThroughASymlinkItJustExtracted() throws IOException {
        RawHttp.Response r = put("archive-run", "/tmp", tar("etclink", "->/etc", "etclink/planted", "x"));
        assertThat(r.status()).isEqualTo(400);
        assertThat(daemon.docker("exec", "archive-run", "ls", "/etc/planted").exitCode()).isNotZero();
    }

    @Test
    void aSymlinkToTheRootIsFollowedInsideTheContainerNotOnTheHost() throws IOException {
        daemon.docker("exec", "archive-run", "ln", "-s", "/", "/tmp/toroot");
        String name = "purser-archive-" + ProcessHandle.current().pid();
        assertThat(put("archive-run", "/tmp/toroot", tar(name, "inside\n")).status()).isEqualTo(200);
        assertThat(Path.of("/" + name)).doesNotExist();
        assertThat(cat("archive-run", "/" + name)).isEqualTo("inside\n");
        // and a link that climbs with .. stays inside too
        daemon.docker("exec", "archive-run", "ln", "-s", "../../../../../../..", "/tmp/up");
        assertThat(stat(head("archive-run", "/tmp/up")).path("linkTarget").asText()).isEqualTo("/");
    }

    @Test
    void putIntoAFileIs400() throws IOException {
        RawHttp.Response r = put("archive-run", "/etc/passwd", tar("x", "x"));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.bodyText()).contains("extraction point is not a directory");
    }

    @Test
    void noOverwriteDirNonDirRefusesToReplaceADirectoryWithAFile() throws IOException {
        daemon.docker("exec", "archive-run", "mkdir", "-p", "/tmp/adir");
        RawHttp.Response r = RawHttp.exchange(daemon.socket(), "PUT",
                "/v1.41/containers/archive-run/archive?path=/tmp&noOverwriteDirNonDir=true", "application/x-tar", tar("adir", "x"));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.bodyText()).contains("cannot overwrite directory");
        assertThat(daemon.docker("exec", "archive-run", "test", "-d", "/tmp/adir").exitCode()).isZero();
    }

    @Test
    void aReadOnlyRootfsRefusesPut() throws IOException {
        daemon.docker("create", "--name", "archive-ro", "--read-only", "busybox", "true");
        RawHttp.Response r = put("archive-ro", "/tmp", tar("x", "x"));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.bodyText()).contains("container rootfs is marked read-only");
    }

    @Test
    void dockerCpCopiesAFileInAndOut() throws IOException {
        Path local = daemon.engine().root().resolve("cp-in.txt");
        Files.writeString(local, "from the host\n");
        TestDaemon.Result in = daemon.docker("cp", local.toString(), "archive-run:/tmp/");
        assertThat(in.exitCode()).as(in.err()).isZero();
        assertThat(cat("archive-run", "/tmp/cp-in.txt")).isEqualTo("from the host\n");
        Path out = daemon.engine().root().resolve("cp-out.txt");
        TestDaemon.Result back = daemon.docker("cp", "archive-run:/tmp/cp-in.txt", out.toString());
        assertThat(back.exitCode()).as(back.err()).isZero();
        assertThat(Files.readString(out)).isEqualTo("from the host\n");
    }

    @Test
    void dockerCpToStdoutWritesATar() throws IOException {
        TestDaemon.Result r = daemon.shell("docker cp archive-run:/etc/group - | tar -tf -");
        assertThat(r.outLine()).isEqualTo("group");
    }

    @Test
    void dockerCpOfAMissingPathFailsWithDockersMessage() {
        TestDaemon.Result r = daemon.docker("cp", "archive-run:/nope", daemon.engine().root().resolve("x").toString());
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).contains("Could not find the file /nope in container archive-run");
    }

    @Test
    void dockerCpCopiesADirectoryIntoAStoppedContainer() throws IOException {
        Path dir = Files.createDirectories(daemon.engine().root().resolve("cp-dir/sub"));
        Files.writeString(dir.resolve("f"), "f\n");
        TestDaemon.Result r = daemon.docker("cp", dir.getParent().toString(), "archive-stopped:/tmp");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(entries(get("archive-stopped", "/tmp/cp-dir/sub/f").dechunked())).containsExactly(Map.entry("f", "f\n"));
    }
}
