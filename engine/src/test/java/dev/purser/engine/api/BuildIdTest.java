package dev.purser.engine.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A jar's build id: the CRC-32 and the length of its central directory, each as 8 hex digits. */
class BuildIdTest {
    @TempDir
    Path dir;

    private Path jar(String entry) throws IOException {
        Path jar = dir.resolve(entry + ".jar");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(jar))) {
            out.putNextEntry(new ZipEntry(entry));
            out.write(entry.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            out.closeEntry();
        }
        return jar;
    }

    @Test
    void isTheDirectorysCrcAndLengthZeroPaddedToEightHexDigitsEach() throws IOException {
        Path jar = jar("a.txt");
        byte[] bytes = Files.readAllBytes(jar);
        ByteBuffer end = ByteBuffer.wrap(bytes, bytes.length - 22, 22).slice().order(ByteOrder.LITTLE_ENDIAN);
        int size = end.getInt(12);
        int offset = end.getInt(16);
        CRC32 crc = new CRC32();
        crc.update(bytes, offset, size);

        assertThat(BuildId.ofJar(jar)).hasValue(new BuildId(String.format("%08x%08x", crc.getValue(), size)));
        assertThat(size).as("a short directory, so the length has leading zeros").isLessThan(0x1000);
    }

    @Test
    void theHeaderNamesTheBuildAndThisProcess() {
        assertThat(new BuildId("0123456789abcdef").header()).isEqualTo("0123456789abcdef; pid=" + ProcessHandle.current().pid());
    }
}
