package dev.purser.engine.usage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.HashSet;
import java.util.Set;

/**
 * The size of a directory tree as Docker counts it: the sizes of everything but directories,
 * each inode once (hard links), symlinks as links (never followed). A tree that does not
 * exist has size 0.
 */
public final class TreeSize {
    private TreeSize() {}

    public static long of(Path root) {
        if (!Files.isDirectory(root, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return 0;
        }
        Set<Object> seen = new HashSet<>();
        long[] total = {0};
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    if (!attrs.isDirectory() && attrs.size() > 0 && (attrs.fileKey() == null || seen.add(attrs.fileKey()))) {
                        total[0] += attrs.size();
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                    if (e instanceof NoSuchFileException) {
                        return FileVisitResult.CONTINUE;   // removed while walking: a running container's files come and go
                    }
                    throw e;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("measuring " + root + ": " + e.getMessage(), e);
        }
        return total[0];
    }
}
