package dev.purser.tui.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DaemonJarTest {
    @TempDir
    Path dir;

    @Test
    void theCopyIsNamedByTheJarsSha256AndHoldsTheSameBytes() throws IOException {
        Path jar = Files.writeString(dir.resolve("purser.jar"), "jar content");
        Path copy = DaemonJar.copyUnder(dir.resolve("root"), jar);
        assertThat(copy).isEqualTo(dir.resolve("root/bin/purser-756030e5b496ad86.jar"));   // sha256sum of "jar content"
        assertThat(Files.mismatch(copy, jar)).isEqualTo(-1L);
    }

    @Test
    void aRebuiltJarGetsACopyOfItsOwnAndTheOldOneStays() throws IOException {
        Path jar = Files.writeString(dir.resolve("purser.jar"), "build one");
        Path first = DaemonJar.copyUnder(dir.resolve("root"), jar);
        Files.writeString(jar, "build two");
        Path second = DaemonJar.copyUnder(dir.resolve("root"), jar);
        assertThat(second).isNotEqualTo(first);
        assertThat(Files.readString(first)).isEqualTo("build one");
        assertThat(Files.readString(second)).isEqualTo("build two");
    }

    @Test
    void aJarCopiedBeforeIsFoundByItsKeyWithoutHashingItAgain() throws IOException {
        Path jar = Files.writeString(dir.resolve("purser.jar"), "jar content");
        DaemonJar.copyUnder(dir.resolve("root"), jar);
        // what the index says is taken as it is: the jar's hash is not computed again
        String other = "ab".repeat(32);
        Files.writeString(dir.resolve("root/bin/purser-" + other.substring(0, 16) + ".jar"), "another copy");
        Files.writeString(dir.resolve("root/bin/jar-hashes"), JarHashes.keyOf(jar) + " " + other + "\n");

        assertThat(DaemonJar.copyUnder(dir.resolve("root"), jar)).isEqualTo(dir.resolve("root/bin/purser-abababababababab.jar"));
    }

    @Test
    void aJarRewrittenWithTheSameSizeAndTimeGetsACopyOfItsOwn() throws IOException {
        Path jar = Files.writeString(dir.resolve("purser.jar"), "build one");
        java.nio.file.attribute.FileTime time = Files.getLastModifiedTime(jar);
        Path first = DaemonJar.copyUnder(dir.resolve("root"), jar);
        Files.writeString(jar, "build two");
        Files.setLastModifiedTime(jar, time);

        Path second = DaemonJar.copyUnder(dir.resolve("root"), jar);

        assertThat(second).isNotEqualTo(first);
        assertThat(Files.readString(second)).isEqualTo("build two");
    }

    @Test
    void onlyAClassPathOfOneJarHasAJarToCopy() throws IOException {
        Path jar = Files.writeString(dir.resolve("purser.jar"), "x");
        assertThat(DaemonJar.ofThisProcess(jar.toString())).contains(jar);
        assertThat(DaemonJar.ofThisProcess(jar + ":" + dir)).isEmpty();
        assertThat(DaemonJar.ofThisProcess(dir.toString())).isEmpty();
    }

    @Test
    void theJarsHashIsTheSameFromCoreutilsAndFromTheJvm(@org.junit.jupiter.api.io.TempDir Path tmp) throws Exception {
        Path jar = tmp.resolve("some.jar");
        java.nio.file.Files.write(jar, new byte[300_000]);

        assertThat(DaemonJar.sha256(jar)).isEqualTo(DaemonJar.javaSha256(jar))
                .isEqualTo("%s", java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(new byte[300_000])));
    }
}
