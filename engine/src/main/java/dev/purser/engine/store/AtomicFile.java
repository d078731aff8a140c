package dev.purser.engine.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Replaces a file's content all at once: a reader, or a daemon restarted after a crash, sees
 * either the old content or the new, never a mix. The bytes go to a temporary file in the same
 * directory, are fsynced, and the temporary file is renamed over the target; the directory is
 * fsynced so the rename itself survives a power loss.
 */
public final class AtomicFile {
    private AtomicFile() {}

    public static void write(Path target, byte[] content) {
        write(target, content, null);
    }

    /** As {@link #write(Path, byte[])}, the new file having {@code mode} (e.g. {@code rw-r--r--}) instead of 0600. */
    public static void write(Path target, byte[] content, String mode) {
        write(target, content, mode, true);
    }

    /**
     * Replaces the file all at once as {@link #write(Path, byte[], String)} does, without the
     * fsyncs: for a file that must outlive the daemon but not the machine, because it is made
     * again before anything reads it after a reboot (a container's /etc files, decision 0051).
     * Each fsync is a journal commit that costs milliseconds, tens on a busy disk.
     */
    public static void replaceWithoutSync(Path target, byte[] content, String mode) {
        write(target, content, mode, false);
    }

    private static void write(Path target, byte[] content, String mode, boolean sync) {
        Path dir = target.toAbsolutePath().getParent();
        Path tmp = null;
        try {
            Files.createDirectories(dir);
            tmp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".tmp");
            if (mode != null) {
                Files.setPosixFilePermissions(tmp, java.nio.file.attribute.PosixFilePermissions.fromString(mode));
            }
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                ByteBuffer buf = ByteBuffer.wrap(content);
                while (buf.hasRemaining()) {
                    ch.write(buf);
                }
                if (sync) {
                    ch.force(true);
                }
            }
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                throw new IOException("cannot replace " + target + " atomically", e);
            }
            tmp = null;
            if (sync) {
                syncDirectory(dir);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("writing " + target + ": " + e.getMessage(), e);
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // the temporary file is invisible to readers; a leftover is harmless
                }
            }
        }
    }

    private static void syncDirectory(Path dir) throws IOException {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        }
    }
}
