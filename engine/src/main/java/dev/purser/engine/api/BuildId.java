package dev.purser.engine.api;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.CodeSource;
import java.util.Optional;
import java.util.zip.CRC32;

/**
 * Which build of purser is running: a fingerprint of its jar (the CRC-32 and length of the jar's
 * central directory, which names every entry with its CRC, sizes and times: a few milliseconds
 * to take on every CLI command, where hashing the whole 34 MB jar would not be). The daemon reports its own in every response ({@link #HEADER}) and in
 * {@code /version}; a client that runs another build says so. Code run from class directories
 * (a build's own tests) has none.
 */
public record BuildId(String value) {
    /** The response header that carries the daemon's build; Docker's clients ignore it. */
    public static final String HEADER = "Purser-Build";
    private static final int END_RECORD = 22;

    /** The build of the jar {@code type} was loaded from, if it was loaded from a jar. */
    public static Optional<BuildId> of(Class<?> type) {
        return jarOf(type).flatMap(BuildId::ofJar);
    }

    /** The jar {@code type} was loaded from, if it was loaded from a jar. */
    public static Optional<Path> jarOf(Class<?> type) {
        CodeSource source = type.getProtectionDomain().getCodeSource();
        if (source == null || source.getLocation() == null) {
            return Optional.empty();
        }
        try {
            Path path = Path.of(source.getLocation().toURI());
            return Files.isRegularFile(path) && path.toString().endsWith(".jar") ? Optional.of(path) : Optional.empty();
        } catch (URISyntaxException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    public static Optional<BuildId> ofJar(Path jar) {
        try (FileChannel ch = FileChannel.open(jar, StandardOpenOption.READ)) {
            // CRC-32 rather than SHA-256: the JVM computes it with the CPU's instruction even
            // before anything is compiled, where SHA-256 of the same 2 MB took most of a second
            // in a fresh CLI JVM. It tells builds apart; it is no defence against forgery.
            CRC32 crc = new CRC32();
            ByteBuffer directory = centralDirectory(ch);
            long length;
            if (directory != null) {
                length = directory.remaining();
                crc.update(directory);
            } else {
                // no directory where a plain zip has it (zip64, a comment): the whole file
                length = ch.size();
                ByteBuffer buffer = ByteBuffer.allocate(1 << 16);
                ch.position(0);
                while (ch.read(buffer) >= 0) {
                    buffer.flip();
                    crc.update(buffer);
                    buffer.clear();
                }
            }
            return Optional.of(new BuildId(hex8(crc.getValue()) + hex8(length)));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /**
     * The low 32 bits as 8 hex digits; not String.format, whose parser loads regular expressions:
     * the daemon's first answer carries this (docs/decisions/0055).
     */
    private static String hex8(long value) {
        String digits = Long.toHexString(value & 0xffffffffL);
        return "00000000".substring(digits.length()) + digits;
    }

    /**
     * The zip's central directory: every entry's name, CRC, sizes and times, in a few MB at the
     * end of the file, found through the end-of-directory record that closes a zip without a
     * comment. Null when it is not there.
     */
    private static ByteBuffer centralDirectory(FileChannel ch) throws IOException {
        long size = ch.size();
        if (size < END_RECORD) {
            return null;
        }
        ByteBuffer end = ByteBuffer.allocate(END_RECORD).order(ByteOrder.LITTLE_ENDIAN);
        ch.read(end, size - END_RECORD);
        if (end.getInt(0) != 0x06054b50) {
            return null;
        }
        long directorySize = Integer.toUnsignedLong(end.getInt(12));
        long offset = Integer.toUnsignedLong(end.getInt(16));
        if (offset + directorySize > size - END_RECORD || directorySize > Integer.MAX_VALUE) {
            return null;
        }
        ByteBuffer directory = ByteBuffer.allocate((int) directorySize);
        while (directory.hasRemaining()) {
            if (ch.read(directory, offset + directory.position()) < 0) {
                return null;
            }
        }
        return directory.flip();
    }

    /** What this process says in {@link #HEADER}: the build, and which daemon process answered. */
    public String header() {
        return value + "; pid=" + ProcessHandle.current().pid();
    }

    @Override
    public String toString() {
        return value;
    }
}
