package dev.purser.engine.archive;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * Writes a file or a tree as Docker's archive endpoint does: the tree's own entry first, named
 * {@code name} (the base name the client asked for, so a resolved link does not rename it),
 * then everything below it; symbolic links as links (never followed), files with several links
 * once and then as hardlinks, devices and fifos as such; sockets are left out. Owners are the
 * numeric ids, times whole seconds.
 */
public final class TreeTar {
    private TreeTar() {}

    static void write(Path source, String name, OutputStream out) throws IOException {
        write(source, name, out, false);
    }

    /**
     * With {@code rootOwned}, every entry belongs to 0:0: what a client sends when copying local
     * files into a container, where they are to belong to root (docker cp without -a).
     */
    public static void write(Path source, String name, OutputStream out, boolean rootOwned) throws IOException {
        TarArchiveOutputStream tar = new TarArchiveOutputStream(out);
        tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
        tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
        Map<Object, String> linked = new HashMap<>();
        String prefix = name.equals("/") ? "" : name;
        Files.walkFileTree(source, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                entry(tar, dir, entryName(prefix, source, dir) + "/", linked, rootOwned);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                entry(tar, file, entryName(prefix, source, file), linked, rootOwned);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                if (e instanceof java.nio.file.NoSuchFileException) {
                    return FileVisitResult.CONTINUE;   // a running container removed it meanwhile
                }
                throw e;
            }
        });
        tar.finish();
        tar.flush();
    }

    private static String entryName(String prefix, Path source, Path p) {
        String rel = source.relativize(p).toString();
        if (prefix.isEmpty()) {
            return rel.isEmpty() ? "." : rel;
        }
        return rel.isEmpty() ? prefix : prefix + "/" + rel;
    }

    private static void entry(TarArchiveOutputStream tar, Path p, String name, Map<Object, String> linked, boolean rootOwned)
            throws IOException {
        Map<String, Object> a = Files.readAttributes(p, "unix:mode,uid,gid,size,lastModifiedTime,ino,dev,nlink,rdev",
                LinkOption.NOFOLLOW_LINKS);
        int mode = (Integer) a.get("mode");
        int type = mode & 0170000;
        if (type == 0140000) {
            return;   // sockets cannot be archived (Docker skips them too)
        }
        TarArchiveEntry e;
        Object inode = java.util.List.of(a.get("dev"), a.get("ino"));
        if (type == 0100000 && (Integer) a.get("nlink") > 1 && linked.containsKey(inode)) {
            e = new TarArchiveEntry(name, TarArchiveEntry.LF_LINK);
            e.setLinkName(linked.get(inode));
        } else if (type == 0120000) {
            e = new TarArchiveEntry(name, TarArchiveEntry.LF_SYMLINK);
            e.setLinkName(Files.readSymbolicLink(p).toString());
        } else if (type == 0020000 || type == 0060000 || type == 0010000) {
            e = new TarArchiveEntry(name, type == 0020000 ? TarArchiveEntry.LF_CHR
                    : type == 0060000 ? TarArchiveEntry.LF_BLK : TarArchiveEntry.LF_FIFO);
            long rdev = ((Number) a.get("rdev")).longValue();
            if (type != 0010000) {
                e.setDevMajor((int) (((rdev >>> 8) & 0xfff) | ((rdev >>> 32) & ~0xfffL)));
                e.setDevMinor((int) ((rdev & 0xff) | ((rdev >>> 12) & ~0xffL)));
            }
        } else {
            e = new TarArchiveEntry(name);
            if (type == 0100000) {
                e.setSize((Long) a.get("size"));
                if ((Integer) a.get("nlink") > 1) {
                    linked.put(inode, name);
                }
            }
        }
        e.setMode(mode & 07777);
        e.setIds(rootOwned ? 0 : (Integer) a.get("uid"), rootOwned ? 0 : (Integer) a.get("gid"));
        Instant mtime = ((FileTime) a.get("lastModifiedTime")).toInstant();
        e.setModTime(FileTime.from(Instant.ofEpochSecond(mtime.getEpochSecond())));
        tar.putArchiveEntry(e);
        if (e.isFile() && !e.isLink() && e.getSize() > 0) {
            try (InputStream in = Files.newInputStream(p, LinkOption.NOFOLLOW_LINKS)) {
                long left = e.getSize();
                byte[] buf = new byte[65536];
                while (left > 0) {
                    int n = in.read(buf, 0, (int) Math.min(buf.length, left));
                    if (n < 0) {
                        // shrank while being read (a running container): pad to the size the header promised
                        java.util.Arrays.fill(buf, (byte) 0);
                        n = (int) Math.min(buf.length, left);
                    }
                    tar.write(buf, 0, n);
                    left -= n;
                }
            }
        }
        tar.closeArchiveEntry();
    }
}
