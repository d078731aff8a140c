package dev.purser.tui.client;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.zip.CRC32;

/**
 * The SHA-256 of jars an auto-start has hashed before, so the next one does not hash 20 MB again
 * (sha256sum: ~80 ms of the first command's wall time). A jar is known by its size, its
 * modification time and the CRC-32 of its last 64 KiB: a jar's zip directory is there and holds
 * every entry's own CRC-32 and size, so a rebuild that changes any class changes the key even
 * when size and time happen to stay the same. One line per jar, at most {@value #KEPT} kept.
 */
final class JarHashes {
    static final String FILE = "jar-hashes";
    private static final int TAIL = 64 * 1024;
    private static final int KEPT = 8;

    private final Path file;

    JarHashes(Path file) {
        this.file = file;
    }

    static String keyOf(Path jar) throws IOException {
        try (FileChannel in = FileChannel.open(jar, StandardOpenOption.READ)) {
            long size = in.size();
            ByteBuffer tail = ByteBuffer.allocate((int) Math.min(size, TAIL));
            long at = size - tail.capacity();
            while (tail.hasRemaining() && in.read(tail, at + tail.position()) > 0) {
                // reads until the buffer is full
            }
            CRC32 crc = new CRC32();
            crc.update(tail.flip());
            long modified = Files.getLastModifiedTime(jar).to(java.util.concurrent.TimeUnit.NANOSECONDS);
            return size + "-" + modified + "-" + Long.toHexString(crc.getValue());
        }
    }

    Optional<String> get(String key) {
        for (String line : lines()) {
            String[] parts = line.split(" ");
            if (parts.length == 2 && parts[0].equals(key) && parts[1].matches("[0-9a-f]{64}")) {
                return Optional.of(parts[1]);
            }
        }
        return Optional.empty();
    }

    /** Records {@code sha256} for {@code key}, newest first; a failure to write is only a lost shortcut. */
    void put(String key, String sha256) {
        List<String> kept = new ArrayList<>();
        kept.add(key + " " + sha256);
        for (String line : lines()) {
            if (!line.startsWith(key + " ") && kept.size() < KEPT) {
                kept.add(line);
            }
        }
        Path partial = file.resolveSibling(FILE + "." + ProcessHandle.current().pid() + ".partial");
        try {
            Files.createDirectories(file.getParent());
            Files.write(partial, kept, StandardCharsets.US_ASCII);
            Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            // the next auto-start hashes the jar again
        } finally {
            try {
                Files.deleteIfExists(partial);
            } catch (IOException e) {
                // as above
            }
        }
    }

    private List<String> lines() {
        try {
            return Files.readAllLines(file, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            return List.of();
        }
    }
}
