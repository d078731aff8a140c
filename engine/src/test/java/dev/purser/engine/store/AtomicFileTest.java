package dev.purser.engine.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFileTest {
    @TempDir
    Path dir;

    @Test
    void replaceWithoutSyncReplacesTheContent() throws IOException {
        Path file = dir.resolve("hosts");
        Files.writeString(file, "old\n");
        AtomicFile.replaceWithoutSync(file, "new\n".getBytes(StandardCharsets.UTF_8), "rw-r--r--");
        assertThat(Files.readString(file)).isEqualTo("new\n");
    }

    @Test
    void replaceWithoutSyncGivesTheMode() throws IOException {
        Path file = dir.resolve("hostname");
        AtomicFile.replaceWithoutSync(file, "box\n".getBytes(StandardCharsets.UTF_8), "rw-r--r--");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-r--r--");
    }

    @Test
    void replaceWithoutSyncLeavesNoTemporaryFile() throws IOException {
        AtomicFile.replaceWithoutSync(dir.resolve("resolv.conf"), "nameserver 8.8.8.8\n".getBytes(StandardCharsets.UTF_8), null);
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("resolv.conf");
        }
    }
}
