package dev.purser.pty;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * An open file descriptor of a terminal device (a PTY master or slave) that this process owns and
 * closes. Reads and writes go straight to the kernel: no buffering, so nothing typed waits.
 */
public final class TerminalFd implements AutoCloseable {

    private final int fd;
    private final String name;
    private final AtomicBoolean closed = new AtomicBoolean();

    TerminalFd(int fd, String name) {
        this.fd = fd;
        this.name = name;
    }

    /** The raw descriptor number, for handing to code that passes it on (dup2 into a child). */
    public int fd() {
        return fd;
    }

    /** Reads up to {@code length} bytes, blocking until at least one arrives; -1 at end of input. */
    public int read(byte[] buffer, int offset, int length) throws IOException {
        return read(fd, name, buffer, offset, length);
    }

    static int read(int fd, String name, byte[] buffer, int offset, int length) throws IOException {
        byte[] target = offset == 0 ? buffer : new byte[length];
        while (true) {
            long n = LibC.INSTANCE.read(fd, target, length);
            if (n >= 0) {
                if (target != buffer) {
                    System.arraycopy(target, 0, buffer, offset, (int) n);
                }
                return n == 0 && length > 0 ? -1 : (int) n;
            }
            int errno = LibC.errno();
            // EIO is how a PTY master reports that every slave descriptor is closed: end of input.
            if (errno == LibC.EIO) {
                return -1;
            }
            // Signals (SIGWINCH above all) interrupt blocking reads; that is not an error.
            if (errno != LibC.EINTR) {
                throw new NativeCallException("read(" + name + ")", errno);
            }
        }
    }

    /** Writes all of the bytes, retrying short writes. */
    public void write(byte[] buffer, int offset, int length) throws IOException {
        write(fd, name, buffer, offset, length);
    }

    static void write(int fd, String name, byte[] buffer, int offset, int length) throws IOException {
        int done = 0;
        while (done < length) {
            byte[] rest = offset + done == 0 ? buffer : Arrays.copyOfRange(buffer, offset + done, offset + length);
            long n = LibC.INSTANCE.write(fd, rest, length - done);
            if (n < 0) {
                int errno = LibC.errno();
                if (errno == LibC.EINTR) {
                    continue;
                }
                throw new NativeCallException("write(" + name + ")", errno);
            }
            done += (int) n;
        }
    }

    public WindowSize windowSize() throws IOException {
        return WindowSize.of(fd);
    }

    public void resize(WindowSize size) throws IOException {
        size.applyTo(fd);
    }

    /** An InputStream over this descriptor; closing the stream closes the descriptor. */
    public InputStream inputStream() {
        return new InputStream() {
            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                return TerminalFd.this.read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                return len == 0 ? 0 : TerminalFd.this.read(b, off, len);
            }

            @Override
            public void close() throws IOException {
                TerminalFd.this.close();
            }
        };
    }

    /** An OutputStream over this descriptor; every write reaches the kernel at once. */
    public OutputStream outputStream() {
        return new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                TerminalFd.this.write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                TerminalFd.this.write(b, off, len);
            }

            @Override
            public void close() throws IOException {
                TerminalFd.this.close();
            }
        };
    }

    /** Closes the descriptor once; later calls do nothing. */
    @Override
    public void close() throws IOException {
        if (closed.compareAndSet(false, true) && LibC.INSTANCE.close(fd) != 0) {
            // Linux frees the descriptor even when close fails, so it is never retried.
            throw NativeCallException.last("close(" + name + ")");
        }
    }

    @Override
    public String toString() {
        return name + " (fd " + fd + ")";
    }
}
