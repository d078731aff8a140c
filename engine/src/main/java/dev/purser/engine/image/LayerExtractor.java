package dev.purser.engine.image;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Unpacks one layer tar into an empty directory the way Docker's overlay2 driver does, and
 * computes the layer's diff id on the way.
 *
 * <p>The tar is untrusted. Every entry name is cleaned and refused if it would leave the
 * directory; every parent directory is checked component by component without following
 * symlinks, so an earlier {@code link -> /etc} cannot redirect a later {@code link/passwd};
 * hardlinks must point inside the layer. (Docker unpacks inside a chroot instead, which has the
 * same effect; a JVM cannot chroot a thread.)
 *
 * <p>OCI whiteouts become overlayfs whiteouts: {@code .wh.name} a 0/0 character device named
 * {@code name}, {@code .wh..wh..opq} the {@code trusted.overlay.opaque=y} xattr on its directory.
 */
public final class LayerExtractor {
    private static final Logger LOG = LoggerFactory.getLogger(LayerExtractor.class);
    private static final String WHITEOUT_PREFIX = ".wh.";
    private static final String OPAQUE_MARKER = ".wh..wh..opq";

    private LayerExtractor() {}

    /**
     * How entries land. A layer: into an empty directory, whiteouts become overlay whiteouts.
     * Files copied into a container ({@code docker cp}): into a directory that has files
     * already, names taken as they are, the entry for the directory itself changes nothing, and
     * with {@code noOverwriteDirNonDir} a directory and a non-directory never replace each other.
     */
    private record Mode(boolean layer, boolean noOverwriteDirNonDir, boolean keepOwners,
                        java.util.function.UnaryOperator<String> rename) {
        static final Mode LAYER = new Mode(true, false, true, name -> name);
    }

    /**
     * Unpacks an untrusted tar (plain or compressed) into {@code target}, an existing directory
     * of a container's root filesystem, with the same refusals as a layer: nothing is written
     * outside it or through a symbolic link, and hardlinks must point inside it.
     */
    public static void extractInto(InputStream tar, Path target, boolean noOverwriteDirNonDir) throws IOException {
        extractInto(tar, target, noOverwriteDirNonDir, true, name -> name);
    }

    /**
     * The same, for a client writing what it copied out of a container ({@code cp} to the local
     * side): without {@code keepOwners} files belong to whoever extracts them; {@code rename}
     * maps entry names (and hardlink targets) first, as docker's RebaseArchiveEntries does.
     */
    public static void extractInto(InputStream tar, Path target, boolean noOverwriteDirNonDir, boolean keepOwners,
                                   java.util.function.UnaryOperator<String> rename) throws IOException {
        Mode mode = new Mode(false, noOverwriteDirNonDir, keepOwners, rename);
        List<DirectoryTime> directoryTimes = new ArrayList<>();
        try {
            TarArchiveInputStream in = new TarArchiveInputStream(Decompression.open(tar));
            TarArchiveEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                unpackEntry(in, entry, target, directoryTimes, mode);
            }
        } catch (InvalidArchiveException e) {
            throw e;
        } catch (IllegalArgumentException | java.io.EOFException e) {
            throw new InvalidArchiveException("invalid tar: " + e.getMessage(), e);
        }
        for (int i = directoryTimes.size() - 1; i >= 0; i--) {
            DirectoryTime d = directoryTimes.get(i);
            FileSystemCalls.setTimes(d.dir, d.time.getEpochSecond(), d.time.getNano());
        }
    }

    /**
     * Unpacks {@code layerTar} (plain, gzip or bzip2) into {@code target}, which must exist and
     * be empty. When {@code uncompressedCopy} is not null, the uncompressed tar is also written
     * to it, byte for byte, so the store can keep the exact blob the diff id names.
     */
    static ExtractedLayer extract(InputStream layerTar, Path target, OutputStream uncompressedCopy) throws IOException {
        InputStream plain = Decompression.open(layerTar);
        if (uncompressedCopy != null) {
            plain = new TeeInputStream(plain, uncompressedCopy);
        }
        DigestInputStream digesting = new DigestInputStream(plain, Digest.sha256());
        long size = 0;
        List<DirectoryTime> directoryTimes = new ArrayList<>();
        try {
            TarArchiveInputStream tar = new TarArchiveInputStream(digesting);
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                size += unpackEntry(tar, entry, target, directoryTimes, Mode.LAYER);
            }
            // The digest covers the whole stream, including the end-of-archive blocks.
            digesting.transferTo(OutputStream.nullOutputStream());
        } catch (InvalidArchiveException e) {
            throw e;
        } catch (IOException | IllegalArgumentException e) {
            // the client sees paths inside the layer ("/etc/x"), never the staging directory's
            String message = String.valueOf(e.getMessage()).replace(target + "/", "/").replace(target.toString(), "/");
            throw new InvalidArchiveException("invalid layer tar: " + message, e);
        }
        // Directories last, deepest first: creating their children changed their times.
        for (int i = directoryTimes.size() - 1; i >= 0; i--) {
            DirectoryTime d = directoryTimes.get(i);
            FileSystemCalls.setTimes(d.dir, d.time.getEpochSecond(), d.time.getNano());
        }
        return new ExtractedLayer(Digest.of(digesting.getMessageDigest()), size);
    }

    private record DirectoryTime(Path dir, java.time.Instant time) {}

    /** Returns the bytes of file content the entry added. */
    private static long unpackEntry(TarArchiveInputStream tar, TarArchiveEntry entry, Path root,
                                    List<DirectoryTime> directoryTimes, Mode mode) throws IOException {
        String name = mode.rename().apply(entry.getName());
        List<String> parts = cleanedPath(name);
        if (parts.isEmpty()) {
            if (entry.isDirectory() && mode.layer()) {
                applyOwnerAndMode(root, entry);
                directoryTimes.add(new DirectoryTime(root, entry.getLastModifiedTime().toInstant()));
            }
            return 0;
        }
        Path parent = ensureParents(root, parts.subList(0, parts.size() - 1), name);
        String base = parts.get(parts.size() - 1);

        if (mode.layer() && base.equals(OPAQUE_MARKER)) {
            FileSystemCalls.setXattr(parent, "trusted.overlay.opaque", "y");
            return 0;
        }
        if (mode.layer() && base.startsWith(WHITEOUT_PREFIX + WHITEOUT_PREFIX)) {
            return 0; // aufs bookkeeping (.wh..wh.plnk and friends): meaningless to overlayfs
        }
        if (mode.layer() && base.startsWith(WHITEOUT_PREFIX)) {
            Path hidden = parent.resolve(base.substring(WHITEOUT_PREFIX.length()));
            removeExisting(hidden);
            FileSystemCalls.mknod(hidden, FileSystemCalls.S_IFCHR, 0, 0);
            FileSystemCalls.lchown(hidden, (int) entry.getLongUserId(), (int) entry.getLongGroupId());
            return 0;
        }

        Path path = parent.resolve(base);
        boolean existingDirectory = Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS);
        if (mode.noOverwriteDirNonDir() && Files.exists(path, LinkOption.NOFOLLOW_LINKS) && existingDirectory != entry.isDirectory()) {
            throw new InvalidArchiveException(existingDirectory
                    ? "cannot overwrite directory \"" + "/" + String.join("/", parts) + "\" with non-directory \"" + name + "\""
                    : "cannot overwrite non-directory \"" + "/" + String.join("/", parts) + "\" with directory \"" + name + "\"");
        }
        if (!(entry.isDirectory() && existingDirectory)) {
            // A later entry for the same path replaces the earlier one, as in Docker.
            removeExisting(path);
        }
        long added = 0;
        if (entry.isDirectory()) {
            if (!existingDirectory) {
                Files.createDirectory(path);
            }
            directoryTimes.add(new DirectoryTime(path, entry.getLastModifiedTime().toInstant()));
        } else if (entry.isSymbolicLink()) {
            checkSymlinkTarget(parts, entry.getLinkName(), name);
            Files.createSymbolicLink(path, Path.of(entry.getLinkName()));
        } else if (entry.isLink()) {
            Path existing = hardlinkTarget(root, mode.rename().apply(entry.getLinkName()), name);
            Files.createLink(path, existing);
            return 0; // shares the target's inode: no new bytes, and no metadata of its own
        } else if (entry.isCharacterDevice() || entry.isBlockDevice() || entry.isFIFO()) {
            int type = entry.isCharacterDevice() ? FileSystemCalls.S_IFCHR
                    : entry.isBlockDevice() ? FileSystemCalls.S_IFBLK : FileSystemCalls.S_IFIFO;
            try {
                FileSystemCalls.mknod(path, type | (entry.getMode() & 07777), entry.getDevMajor(), entry.getDevMinor());
            } catch (IOException e) {
                if (type != FileSystemCalls.S_IFIFO && !FileSystemCalls.isRoot()) {
                    LOG.info("skipping device node {} in layer: {}", name, e.getMessage());
                    return 0;
                }
                throw e;
            }
        } else if (entry.isFile()) {
            Files.copy(tar, path);
            added = entry.getSize();
        } else {
            LOG.info("skipping layer entry {} of unsupported tar type {}", name, (char) entry.getLinkFlag());
            return 0;
        }
        if (mode.keepOwners()) {
            applyOwnerAndMode(path, entry);
        } else if (!entry.isSymbolicLink()) {
            FileSystemCalls.chmod(path, entry.getMode());
        }
        if (!entry.isDirectory()) {
            java.time.Instant t = entry.getLastModifiedTime().toInstant();
            FileSystemCalls.setTimes(path, t.getEpochSecond(), t.getNano());
        }
        return added;
    }

    /**
     * The entry name as path components inside the layer: a leading {@code /} and {@code .}
     * are dropped and {@code ..} is resolved lexically, like Go's filepath.Join in Docker. A
     * name that climbs above the root is refused.
     */
    static List<String> cleanedPath(String name) throws InvalidArchiveException {
        Deque<String> parts = new ArrayDeque<>();
        for (String part : name.split("/")) {
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..")) {
                if (parts.isEmpty()) {
                    throw new InvalidArchiveException("layer entry \"" + name + "\" is outside of the layer directory");
                }
                parts.removeLast();
                continue;
            }
            if (part.indexOf('\0') >= 0) {
                throw new InvalidArchiveException("layer entry \"" + name + "\" has a NUL byte in its name");
            }
            parts.addLast(part);
        }
        return new ArrayList<>(parts);
    }

    /**
     * Walks (creating as needed) the parent directories of an entry, refusing any component
     * that is a symlink or not a directory: nothing is ever written through a link.
     */
    private static Path ensureParents(Path root, List<String> parents, String entryName) throws IOException {
        Path dir = root;
        for (String part : parents) {
            dir = dir.resolve(part);
            if (Files.isSymbolicLink(dir)) {
                throw new InvalidArchiveException("layer entry \"" + entryName + "\" would be written through the symbolic link "
                        + root.relativize(dir));
            }
            if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
                Files.createDirectory(dir);
            } else if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
                throw new InvalidArchiveException("layer entry \"" + entryName + "\": " + root.relativize(dir) + " is not a directory");
            }
        }
        return dir;
    }

    /**
     * Docker refuses a relative symlink whose target climbs out of the layer; an absolute one
     * is fine because the container resolves it against its own root.
     */
    private static void checkSymlinkTarget(List<String> parts, String linkName, String entryName) throws InvalidArchiveException {
        if (linkName.isEmpty() || linkName.indexOf('\0') >= 0) {
            throw new InvalidArchiveException("invalid symlink \"" + entryName + "\" -> \"" + linkName + "\"");
        }
        if (linkName.startsWith("/")) {
            return;
        }
        String joined = String.join("/", parts.subList(0, parts.size() - 1)) + "/" + linkName;
        try {
            cleanedPath(joined);
        } catch (InvalidArchiveException e) {
            throw new InvalidArchiveException("invalid symlink \"" + entryName + "\" -> \"" + linkName + "\": points outside of the layer");
        }
    }

    /** A hardlink's target is a path inside the layer, reached without following symlinks. */
    private static Path hardlinkTarget(Path root, String linkName, String entryName) throws IOException {
        List<String> parts;
        try {
            parts = cleanedPath(linkName);
        } catch (InvalidArchiveException e) {
            throw new InvalidArchiveException("invalid hardlink \"" + entryName + "\" -> \"" + linkName + "\": points outside of the layer");
        }
        if (parts.isEmpty()) {
            throw new InvalidArchiveException("invalid hardlink \"" + entryName + "\" -> \"" + linkName + "\"");
        }
        Path target = root;
        for (int i = 0; i < parts.size(); i++) {
            target = target.resolve(parts.get(i));
            boolean last = i == parts.size() - 1;
            if (!last && (Files.isSymbolicLink(target) || !Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS))) {
                throw new InvalidArchiveException("invalid hardlink \"" + entryName + "\" -> \"" + linkName + "\": goes through a symbolic link or non-directory");
            }
        }
        if (!Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            throw new InvalidArchiveException("invalid hardlink \"" + entryName + "\" -> \"" + linkName + "\": target is not in the layer");
        }
        if (Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
            throw new InvalidArchiveException("invalid hardlink \"" + entryName + "\" -> \"" + linkName + "\": target is a directory");
        }
        return target;
    }

    private static void applyOwnerAndMode(Path path, TarArchiveEntry entry) throws IOException {
        FileSystemCalls.lchown(path, (int) entry.getLongUserId(), (int) entry.getLongGroupId());
        if (!entry.isSymbolicLink()) {
            // After chown: the kernel clears setuid/setgid on chown, so the mode must come second.
            FileSystemCalls.chmod(path, entry.getMode());
        }
    }

    private static void removeExisting(Path path) throws IOException {
        if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        if (Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
            deleteTree(path);
        } else {
            Files.delete(path);
        }
    }

    /** Deletes a tree without following symlinks (Files.walk does not follow them by default). */
    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) walk.sorted(Comparator.reverseOrder())::iterator) {
                try {
                    Files.delete(p);
                } catch (DirectoryNotEmptyException | FileAlreadyExistsException e) {
                    throw new IOException("cannot delete " + p, e);
                }
            }
        }
    }

    /** Copies what is read to a second stream: the uncompressed layer goes to its blob while it unpacks. */
    private static final class TeeInputStream extends java.io.FilterInputStream {
        private final OutputStream copy;

        TeeInputStream(InputStream in, OutputStream copy) {
            super(in);
            this.copy = copy;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                copy.write(b);
            }
            return b;
        }

        @Override
        public int read(byte[] buf, int off, int len) throws IOException {
            int n = super.read(buf, off, len);
            if (n > 0) {
                copy.write(buf, off, n);
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            // Skipping would leave a hole in the copy; read instead.
            byte[] scratch = new byte[(int) Math.min(n, 8192)];
            int r = read(scratch, 0, scratch.length);
            return Math.max(r, 0);
        }

        @Override
        public boolean markSupported() {
            return false;
        }
    }
}
