package dev.purser.engine.api;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Which build of purser is running: a fingerprint of its jar's content (every entry's name, size
 * and CRC, read from the jar's directory, so it is quick to take and the same for two jars that
 * hold the same classes). The daemon reports its own in every response ({@link #HEADER}) and in
 * {@code /version}; a client that runs another build says so. Code run from class directories
 * (a build's own tests) has none.
 */
public record BuildId(String value) {
    /** The response header that carries the daemon's build; Docker's clients ignore it. */
    public static final String HEADER = "Purser-Build";

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
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            zip.stream().sorted(Comparator.comparing(ZipEntry::getName)).forEach(e -> {
                digest.update(e.getName().getBytes(StandardCharsets.UTF_8));
                digest.update((" " + e.getSize() + " " + e.getCrc() + "\n").getBytes(StandardCharsets.US_ASCII));
            });
            return Optional.of(new BuildId(HexFormat.of().formatHex(digest.digest()).substring(0, 16)));
        } catch (IOException e) {
            return Optional.empty();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
