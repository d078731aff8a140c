package dev.purser.tui.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DaemonArchiveTest {
    @TempDir
    Path bin;

    @Test
    void theArchiveLiesBesideTheJarCopyNamedByItAndByTheJava() {
        Path jar = bin.resolve("purser-0123456789abcdef.jar");

        Path a = DaemonArchive.of(jar, "/usr/lib/jvm/java-17/bin/java").file();
        Path b = DaemonArchive.of(jar, "/usr/lib/jvm/temurin-25/bin/java").file();
        Path c = DaemonArchive.of(bin.resolve("purser-fedcba9876543210.jar"), "/usr/lib/jvm/java-17/bin/java").file();

        assertThat(a.getParent()).isEqualTo(bin);
        assertThat(a.getFileName().toString()).startsWith("purser-0123456789abcdef-").endsWith(".jsa");
        assertThat(a).isNotEqualTo(b).isNotEqualTo(c);
    }

    @Test
    void aDaemonWithoutAnArchiveMakesItAsItExits() {
        DaemonArchive archive = DaemonArchive.of(bin.resolve("purser-0123456789abcdef.jar"), "/usr/bin/java");

        assertThat(archive.jvmOptions()).contains("-XX:ArchiveClassesAtExit=" + archive.file())
                .noneMatch(o -> o.startsWith("-XX:SharedArchiveFile"));
    }

    @Test
    void aDaemonWithAnArchiveMapsIt() throws Exception {
        DaemonArchive archive = DaemonArchive.of(bin.resolve("purser-0123456789abcdef.jar"), "/usr/bin/java");
        Files.write(archive.file(), new byte[] {1});

        assertThat(archive.jvmOptions()).contains("-XX:SharedArchiveFile=" + archive.file(), "-Xshare:auto")
                .noneMatch(o -> o.startsWith("-XX:ArchiveClassesAtExit"));
    }
}
