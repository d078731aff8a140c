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
 * side by side never overwrite each other's.
 */
public final class StageBinary {
    private static final String RESOURCE = "purser-stage";

    private StageBinary() {}

    public static Path extractInto(Path binDir) {
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

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
