package dev.purser.pty;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * A pseudo-terminal: the master end the daemon reads and writes, the slave end that becomes a
 * process's stdin/stdout/stderr and controlling terminal.
 *
 * <p>Both descriptors are opened O_NOCTTY (opening must never make the slave the daemon's own
 * controlling terminal) and O_CLOEXEC (a PTY must not leak into unrelated children; the code that
 * hands the slave to a process dup2s it, which clears the flag on the copy). Making the slave a
 * controlling terminal (setsid, then ioctl TIOCSCTTY) has to happen in the child between fork and
 * exec, so it is the native stage's job, not Java's.
 *
 * @param master the multiplexer end
 * @param slave the terminal end
 * @param slavePath the slave's device path, {@code /dev/pts/N}
 */
public record PtyPair(TerminalFd master, TerminalFd slave, String slavePath) implements AutoCloseable {

    /**
     * Opens a new pair: posix_openpt, grantpt, unlockpt, ptsname_r, open. The POSIX sequence is
     * used rather than openpty(3) so that every descriptor gets O_CLOEXEC atomically.
     */
    public static PtyPair open() throws IOException {
        LibC c = LibC.INSTANCE;
        int master = c.posix_openpt(LibC.O_RDWR | LibC.O_NOCTTY | LibC.O_CLOEXEC);
        if (master < 0) {
            throw NativeCallException.last("posix_openpt");
        }
        TerminalFd masterFd = new TerminalFd(master, "pty master");
        try {
            if (c.grantpt(master) != 0) {
                throw NativeCallException.last("grantpt");
            }
            if (c.unlockpt(master) != 0) {
                throw NativeCallException.last("unlockpt");
            }
            String path = slavePath(master);
            int slave = c.open(path, LibC.O_RDWR | LibC.O_NOCTTY | LibC.O_CLOEXEC);
            if (slave < 0) {
                throw NativeCallException.last("open(" + path + ")");
            }
            return new PtyPair(masterFd, new TerminalFd(slave, path), path);
        } catch (IOException | RuntimeException e) {
            try {
                masterFd.close();
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
    }

    private static String slavePath(int master) throws NativeCallException {
        byte[] buffer = new byte[128];
        // ptsname_r returns the error number itself rather than setting errno.
        int error = LibC.INSTANCE.ptsname_r(master, buffer, buffer.length);
        if (error != 0) {
            throw new NativeCallException("ptsname_r", error);
        }
        int length = 0;
        while (length < buffer.length && buffer[length] != 0) {
            length++;
        }
        return new String(buffer, 0, length, StandardCharsets.US_ASCII);
    }

    /** Closes the slave, then the master; both are attempted even if the first fails. */
    @Override
    public void close() throws IOException {
        try {
            slave.close();
        } finally {
            master.close();
        }
    }
}
