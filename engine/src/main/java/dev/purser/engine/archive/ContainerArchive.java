package dev.purser.engine.archive;

import dev.purser.engine.container.Containers;
import dev.purser.engine.image.LayerExtractor;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Docker's archive operations on a container, running or not: the stat of a path, a path
 * copied out as a tar, a tar extracted into a directory. {@code reference} is what the client
 * named the container by; Docker's messages repeat it.
 */
public final class ContainerArchive {
    private final Containers containers;

    public ContainerArchive(Containers containers) {
        this.containers = containers;
    }

    /** The stat of {@code path} inside the container (HEAD). */
    public PathStat stat(String reference, String path) throws IOException {
        requirePath(path);
        return containers.rootFilesystems().with(reference, (c, root) -> stat(root, ContainerPath.of(root, path), path, reference));
    }

    /**
     * Writes {@code path} as a tar to {@code out} (GET); {@code beforeBody} gets the path's stat
     * first, so the response's header can carry it.
     */
    public void copyOut(String reference, String path, Consumer<PathStat> beforeBody, OutputStream out) throws IOException {
        requirePath(path);
        containers.rootFilesystems().with(reference, (c, root) -> {
            ContainerPath p = ContainerPath.of(root, path);
            PathStat stat = stat(root, p, path, reference);
            if (p.endsWithSeparator() && !stat.isDirectory() && !stat.isSymlink()) {
                throw ArchivePathException.invalid("not a directory: " + path);
            }
            beforeBody.accept(stat);
            TreeTar.write(p.host(), p.baseName(), out);
            return null;
        });
    }

    /**
     * Extracts {@code tar} into the directory {@code path} (PUT): a link to a directory is
     * followed inside the container; entries are refused as the image store refuses them.
     */
    public void copyIn(String reference, String path, boolean noOverwriteDirNonDir, InputStream tar) throws IOException {
        requirePath(path);
        containers.rootFilesystems().with(reference, (c, root) -> {
            ContainerPath p = ContainerPath.followed(root, path);
            if (!Files.exists(p.host(), LinkOption.NOFOLLOW_LINKS)) {
                throw ArchivePathException.notFound(path, reference);
            }
            if (!Files.isDirectory(p.host(), LinkOption.NOFOLLOW_LINKS)) {
                throw ArchivePathException.invalid("extraction point is not a directory");
            }
            if (c.hostConfig().readonlyRootfs()) {
                throw ArchivePathException.invalid("container rootfs is marked read-only");
            }
            LayerExtractor.extractInto(tar, p.host(), noOverwriteDirNonDir);
            return null;
        });
    }

    private static void requirePath(String path) {
        if (path == null || path.isEmpty()) {
            throw ArchivePathException.invalid("bad parameter: path cannot be empty");
        }
    }

    private static PathStat stat(Path root, ContainerPath p, String asked, String reference) throws IOException {
        Map<String, Object> a;
        try {
            a = Files.readAttributes(p.host(), "unix:mode,size,lastModifiedTime", LinkOption.NOFOLLOW_LINKS);
        } catch (java.nio.file.NoSuchFileException | java.nio.file.NotDirectoryException e) {
            throw ArchivePathException.notFound(asked, reference);
        }
        int mode = (Integer) a.get("mode");
        String linkTarget = "";
        if ((mode & 0170000) == 0120000) {
            // the link fully resolved inside the container, as an absolute path there
            Path resolved = dev.purser.engine.runtime.ScopedPath.resolve(root, stripTrailing(p.absolute()));
            linkTarget = "/" + root.relativize(resolved);
        }
        return new PathStat(p.baseName(), (Long) a.get("size"), GoFileMode.of(mode),
                PathStat.goTime(((FileTime) a.get("lastModifiedTime")).toInstant()), linkTarget);
    }

    private static String stripTrailing(String absolute) {
        String s = absolute.endsWith("/.") ? absolute.substring(0, absolute.length() - 2) : absolute;
        while (s.length() > 1 && s.endsWith("/")) {
            s = s.substring(0, s.length() - 1);
        }
        return s;
    }
}
