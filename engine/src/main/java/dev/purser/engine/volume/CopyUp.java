package dev.purser.engine.volume;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Docker's copy-up: a volume that is empty, mounted over a directory of the image, gets that
 * directory's content first, with owners, modes, symlinks, hard links and timestamps kept, and
 * the directory's own owner and mode (moby's {@code copyExistingContents}). A volume with
 * anything in it is left alone, as in Docker.
 *
 * <p>The copy is coreutils' {@code cp -a}: it never follows a symlink inside the tree, and the
 * tree is the stopped container's, so nothing moves under it. The directory itself must already
 * be resolved inside the container's root by the caller.
 */
public final class CopyUp {
    private CopyUp() {}

    /** Copies {@code imageDirectory}'s content into {@code volumeData} when the latter is empty; true when it did. */
    public static boolean seed(Path imageDirectory, Path volumeData) {
        if (!Files.isDirectory(imageDirectory, LinkOption.NOFOLLOW_LINKS) || !isEmpty(volumeData)) {
            return false;
        }
        List<String> command = List.of("cp", "-a", "--", imageDirectory + "/.", volumeData + "/");
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            p.getOutputStream().close();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(10, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                throw new IOException("copying the image's content timed out");
            }
            if (p.exitValue() != 0) {
                throw new IOException(new String(out, StandardCharsets.UTF_8).strip());
            }
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException("failed to populate volume: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while populating a volume", e);
        }
    }

    private static boolean isEmpty(Path dir) {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.findAny().isEmpty();
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + dir + ": " + e.getMessage(), e);
        }
    }
}
