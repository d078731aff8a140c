package dev.purser.engine.runtime;

import dev.purser.engine.store.AtomicFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The native stage executable, extracted from the jar into the state root under a name that
 * carries its content hash: an upgraded purser never runs a stale copy, and two versions
 * side by side never overwrite each other's. The build writes the hash beside the executable
 * ({@value #HASH_RESOURCE}): hashing the megabyte at every engine start cost ~100 ms of a cold
 * JVM, on the way to the daemon's first answer (docs/decisions/0058).
 */
public final class StageBinary {
    private static final String RESOURCE = "purser-stage";
    private static final String HASH_RESOURCE = RESOURCE + ".sha256";

    private StageBinary() {}

    public static Path extractInto(Path binDir) {
        String hash = builtHash().orElse(null);
        if (hash != null) {
            Path target = binDir.resolve(RESOURCE + "-" + hash.substring(0, 16));
            if (Files.isExecutable(target)) {
                return target;
            }
        }
        byte[] bytes;
        try (InputStream in = StageBinary.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the native stage is missing from the engine jar (was it built with gcc?)");
            }
            bytes = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Path target = binDir.resolve(RESOURCE + "-" + sha256(bytes).substring(0, 16));
        if (Files.isExecutable(target)) {
            return target;
        }
        AtomicFile.write(target, bytes);
        try {
            Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("r-xr-x---"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return target;
    }

    /** The SHA-256 the build wrote beside the executable, when it is there and well-formed. */
    private static java.util.Optional<String> builtHash() {
        try (InputStream in = StageBinary.class.getResourceAsStream(HASH_RESOURCE)) {
            if (in == null) {
                return java.util.Optional.empty();
            }
            String hash = new String(in.readNBytes(64), java.nio.charset.StandardCharsets.US_ASCII);
            return hash.matches("[0-9a-f]{64}") ? java.util.Optional.of(hash) : java.util.Optional.empty();
        } catch (IOException e) {
            return java.util.Optional.empty();
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
