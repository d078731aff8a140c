package dev.purser.engine.image;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import jnr.ffi.LastError;
import jnr.ffi.LibraryLoader;
import jnr.ffi.Runtime;

/**
 * The few file system calls Java's NIO lacks and layers need: device nodes and overlay
 * whiteouts (mknod), the opaque-directory xattr, full mode bits including setuid/setgid
 * (NIO's PosixFilePermission has no bits for them), owner and times of a symlink itself.
 */
final class FileSystemCalls {
    static final int S_IFCHR = 0020000;
    static final int S_IFBLK = 0060000;
    static final int S_IFIFO = 0010000;
    private static final int EPERM = 1;
    private static final int AT_FDCWD = -100;
    private static final int AT_SYMLINK_NOFOLLOW = 0x100;

    /** glibc's exported symbols (mknod is a real symbol since glibc 2.33). */
    public interface LibC {
        int mknod(String path, int mode, long dev);

        int lchown(String path, int uid, int gid);

        int chmod(String path, int mode);

        int lsetxattr(String path, String name, byte[] value, long size, int flags);

        int utimensat(int dirfd, String path, long[] times, int flags);

        int geteuid();

        long lgetxattr(String path, String name, byte[] value, long size);

        String strerror(int errnum);
    }

    private static final LibC LIBC = LibraryLoader.create(LibC.class).load("c");

    private FileSystemCalls() {}

    static boolean isRoot() {
        return LIBC.geteuid() == 0;
    }

    static void mknod(Path path, int mode, int major, int minor) throws IOException {
        check(LIBC.mknod(path.toString(), mode, makedev(major, minor)), "mknod", path);
    }

    static void lchown(Path path, int uid, int gid) throws IOException {
        if (LIBC.lchown(path.toString(), uid, gid) != 0) {
            int errno = errno();
            // An unprivileged engine cannot give files away; ownership then stays the engine's.
            if (errno == EPERM && !isRoot()) {
                return;
            }
            throw failure("lchown", path, errno);
        }
    }

    static void chmod(Path path, int mode) throws IOException {
        check(LIBC.chmod(path.toString(), mode & 07777), "chmod", path);
    }

    static void setXattr(Path path, String name, String value) throws IOException {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        check(LIBC.lsetxattr(path.toString(), name, bytes, bytes.length, 0), "setxattr " + name, path);
    }

    /** Reads an xattr of the path itself (not a symlink's target); null when it is not set. */
    static String getXattr(Path path, String name) {
        byte[] buf = new byte[256];
        long n = LIBC.lgetxattr(path.toString(), name, buf, buf.length);
        return n < 0 ? null : new String(buf, 0, (int) n, StandardCharsets.UTF_8);
    }

    /** Sets access and modification time without following a symlink. */
    static void setTimes(Path path, long epochSecond, int nanos) throws IOException {
        long[] times = {epochSecond, nanos, epochSecond, nanos};
        check(LIBC.utimensat(AT_FDCWD, path.toString(), times, AT_SYMLINK_NOFOLLOW), "utimensat", path);
    }

    /** glibc's makedev encoding of a device number. */
    static long makedev(long major, long minor) {
        return ((major & 0xfffff000L) << 32) | ((major & 0xfffL) << 8)
                | ((minor & 0xffffff00L) << 12) | (minor & 0xffL);
    }

    private static void check(int rc, String call, Path path) throws IOException {
        if (rc != 0) {
            throw failure(call, path, errno());
        }
    }

    private static int errno() {
        return LastError.getLastError(Runtime.getRuntime(LIBC));
    }

    private static IOException failure(String call, Path path, int errno) {
        return new IOException(call + " " + path + ": " + LIBC.strerror(errno));
    }
}
