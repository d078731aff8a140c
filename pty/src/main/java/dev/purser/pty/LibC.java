package dev.purser.pty;

import jnr.ffi.LibraryLoader;
import jnr.ffi.Platform;
import jnr.ffi.annotations.In;
import jnr.ffi.annotations.Out;
import jnr.ffi.annotations.SaveError;

/**
 * The libc calls this module makes, bound through jnr-ffi. Not API: it is public only because
 * jnr-ffi generates the implementation in its own class loader, which cannot see a package-private
 * interface. Other modules use {@link TerminalFd}, {@link WindowSize}, {@link Termios}.
 *
 * <p>Structures are passed as Java arrays of the right size and decoded in Java, which keeps the
 * binding free of jnr {@code Struct} layouts. Constants are Linux's (x86_64 and aarch64 share them).
 */
public interface LibC {

    LibC INSTANCE = LibraryLoader.create(LibC.class)
            .load(Platform.getNativePlatform().getStandardCLibraryName());

    int O_RDWR = 02;
    int O_NOCTTY = 0400;
    int O_CLOEXEC = 02000000;
    int EINTR = 4;
    int EIO = 5;
    int EAGAIN = 11;
    int F_GETFD = 1;
    int FD_CLOEXEC = 1;
    long TIOCGWINSZ = 0x5413;
    long TIOCSWINSZ = 0x5414;
    int TCSANOW = 0;
    int POLLIN = 0x1;
    int SIGWINCH = 28;

    @SaveError int posix_openpt(int flags);

    @SaveError int grantpt(int fd);

    @SaveError int unlockpt(int fd);

    @SaveError int ptsname_r(int fd, @Out byte[] buf, long buflen);

    @SaveError int open(String path, int flags);

    @SaveError int close(int fd);

    @SaveError long read(int fd, @Out byte[] buf, long count);

    @SaveError long write(int fd, @In byte[] buf, long count);

    @SaveError int fcntl(int fd, int cmd);

    /** ioctl with a struct winsize (4 unsigned shorts) as argument. */
    @SaveError int ioctl(int fd, long request, short[] winsize);

    // In and out, not @Out: the buffer must arrive zeroed so bytes glibc does not write (padding)
    // stay zero and two snapshots of the same settings compare equal.
    @SaveError int tcgetattr(int fd, byte[] termios);

    @SaveError int tcsetattr(int fd, int optionalActions, @In byte[] termios);

    void cfmakeraw(byte[] termios);

    /** struct pollfd is {int fd; short events; short revents}: 8 bytes, native byte order. */
    @SaveError int poll(byte[] fds, long nfds, int timeoutMillis);

    @SaveError int pipe2(@Out int[] fds, int flags);

    @SaveError int isatty(int fd);

    @SaveError int kill(int pid, int signal);

    String strerror(int errno);

    /** The errno of the last failed call on this thread. */
    static int errno() {
        return jnr.ffi.Runtime.getRuntime(INSTANCE).getLastError();
    }
}
