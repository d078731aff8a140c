package dev.purser.engine;

import static dev.purser.engine.testing.TestEngine.config;
import static org.assertj.core.api.Assertions.assertThat;

import dev.purser.engine.container.Container;
import dev.purser.engine.store.StateRoot;
import dev.purser.engine.testing.BusyboxImage;
import dev.purser.engine.testing.TestEngine;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Other host users cannot reach into the state root: the attacks of issue 7, made as uid 65534
 * on the host (setpriv), against a root where a container and an image really put their files.
 */
class StateRootPermissionsIT {
    private static final String SETUID_IMAGE = "setuid:latest";
    static TestEngine engine;

    @BeforeAll
    static void start() throws IOException {
        engine = TestEngine.start();
        // coreutils' id prints euid=0(root) when run setuid root: the proof an attacker wants.
        byte[] id = Files.readAllBytes(Path.of("/usr/bin/id"));
        TarArchiveEntry setuid = new TarArchiveEntry("bin/rootid");
        setuid.setMode(04755);
        setuid.setSize(id.length);
        engine.engine().images().importRootfs(new ByteArrayInputStream(withFile(setuid, id)), SETUID_IMAGE, List.of(), "");
    }

    @AfterAll
    static void stop() {
        engine.close();
    }

    private static byte[] withFile(TarArchiveEntry entry, byte[] content) throws IOException {
        var out = new java.io.ByteArrayOutputStream();
        try (var tar = new org.apache.commons.compress.archivers.tar.TarArchiveOutputStream(out);
             var in = new org.apache.commons.compress.archivers.tar.TarArchiveInputStream(
                     new ByteArrayInputStream(BusyboxImage.rootfsTar()))) {
            for (TarArchiveEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                tar.putArchiveEntry(e);
                in.transferTo(tar);
                tar.closeArchiveEntry();
            }
            tar.putArchiveEntry(entry);
            tar.write(content);
            tar.closeArchiveEntry();
        }
        return out.toByteArray();
    }

    /**
     * Runs {@code cmd} as uid and gid 65534 with no groups; returns exit code and output. Through a
     * shell: setpriv keeps root's capabilities until its own execve, so a path it executes
     * directly is looked up with CAP_DAC_OVERRIDE, which no real other user has.
     */
    private static String asNobody(String... cmd) throws Exception {
        List<String> argv = new java.util.ArrayList<>(List.of("setpriv", "--reuid=65534", "--regid=65534", "--clear-groups",
                "/bin/sh", "-c", "\"$@\"", "sh"));
        argv.addAll(List.of(cmd));
        Process p = new ProcessBuilder(argv).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return p.exitValue() + ":" + out;
    }

    private static String mode(Path p) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
    }

    @Test
    void stateRootAndItsDirectoriesHaveDockersModes() throws IOException {
        StateRoot root = engine.engine().root();
        assertThat(mode(root.root())).isEqualTo("rwx--x---");
        assertThat(mode(root.layers())).isEqualTo("rwx--x---");
        assertThat(mode(root.blobs().getParent())).isEqualTo("rwx------");
        assertThat(mode(root.containers())).isEqualTo("rwx--x---");
        assertThat(mode(root.volumes())).isEqualTo("rwx-----x");
    }

    @Test
    void hostUserCannotReadAFileAContainerWrote() throws Exception {
        Container c = engine.create(config("sh", "-c", "echo hunter2 > /root/password"), null);
        assertThat(engine.runToExit(c)).isZero();
        Path written = engine.engine().root().container(c.id()).resolve("upper/root/password");
        assertThat(Files.readString(written)).isEqualTo("hunter2\n");
        assertThat(mode(written)).isEqualTo("rw-r--r--"); // readable, were the directories traversable
        assertThat(asNobody("cat", written.toString())).startsWith("1:").contains("Permission denied").doesNotContain("hunter2");
    }

    @Test
    void hostUserCannotRunASetuidRootBinaryFromAnImageLayer() throws Exception {
        Path binary;
        try (Stream<Path> layers = Files.list(engine.engine().root().layers())) {
            binary = layers.map(l -> l.resolve("diff/bin/rootid")).filter(Files::exists).findFirst().orElseThrow();
        }
        assertThat((int) Files.getAttribute(binary, "unix:mode") & 07777).isEqualTo(04755);
        String result = asNobody(binary.toString());
        assertThat(result).doesNotContain("euid=0").contains("Permission denied");
    }

    @Test
    void rootLeftOpenByAnOlderPurserIsMadePrivateOnOpen() throws IOException {
        Path dir = Files.createDirectories(Path.of("/tmp/purser-it", "open-" + UUID.randomUUID().toString().substring(0, 8)));
        StateRoot root = new StateRoot(dir);
        for (Path p : List.of(root.layers(), root.blobs(), root.containers())) {
            Files.createDirectories(p);
        }
        for (Path p : List.of(dir, root.layers(), root.blobs().getParent(), root.containers())) {
            Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        try (Engine opened = Engine.open(root, "purser-it")) {
            assertThat(mode(dir)).isEqualTo("rwx--x---");
            assertThat(mode(root.layers())).isEqualTo("rwx--x---");
            assertThat(mode(root.blobs().getParent())).isEqualTo("rwx------");
            assertThat(mode(root.containers())).isEqualTo("rwx--x---");
        }
    }
}
