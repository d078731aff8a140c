package dev.purser.pty;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.concurrent.locks.ReentrantLock;

/**
 * An InputStream over a descriptor this process does not own (fd 0, typically) that another
 * thread can stop: {@link #close()} makes a blocked read return -1 at once and leaves the
 * descriptor open.
 *
 * <p>Java cannot interrupt a thread blocked in read(2) on stdin. Without this, the thread that
 * relayed a container's input would stay blocked after a detach and swallow the next key the user
 * presses in the dashboard. Each read waits in poll(2) on the descriptor and on a private pipe;
 * close() writes to the pipe.
 */
public final class StoppableInput extends InputStream {

    private final int fd;
    private final int wakeRead;
    private final int wakeWrite;
    private final ReentrantLock reading = new ReentrantLock();
    private volatile boolean stopped;
    private boolean pipeClosed;

    private StoppableInput(int fd, int wakeRead, int wakeWrite) {
        this.fd = fd;
        this.wakeRead = wakeRead;
        this.wakeWrite = wakeWrite;
    }

    /** Reads from {@code fd}, which stays open when this stream is closed. */
    public static StoppableInput of(int fd) throws NativeCallException {
        int[] pipe = new int[2];
        if (LibC.INSTANCE.pipe2(pipe, LibC.O_CLOEXEC) != 0) {
            throw NativeCallException.last("pipe2");
        }
        return new StoppableInput(fd, pipe[0], pipe[1]);
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        reading.lock();
        try {
            if (stopped || !awaitInput()) {
                return -1;
            }
            return TerminalFd.read(fd, "fd " + fd, buffer, offset, length);
        } finally {
            reading.unlock();
        }
    }

    /** Waits until fd has input (or hung up), or the stream is stopped; true for input. */
    private boolean awaitInput() throws NativeCallException {
        ByteBuffer fds = ByteBuffer.allocate(16).order(ByteOrder.nativeOrder());
        while (true) {
            fds.clear();
            fds.putInt(0, fd).putShort(4, (short) LibC.POLLIN).putShort(6, (short) 0);
            fds.putInt(8, wakeRead).putShort(12, (short) LibC.POLLIN).putShort(14, (short) 0);
            byte[] raw = fds.array();
            int ready = LibC.INSTANCE.poll(raw, 2, -1);
            if (ready < 0) {
                if (LibC.errno() == LibC.EINTR) {
                    continue;
                }
                throw NativeCallException.last("poll(fd " + fd + ")");
            }
            ByteBuffer result = ByteBuffer.wrap(raw).order(ByteOrder.nativeOrder());
            if (stopped || result.getShort(14) != 0) {
                return false;
            }
            // Any event on fd (input, hang-up, error) is answered by read(), which reports it.
            if (result.getShort(6) != 0) {
                return true;
            }
        }
    }

    /** Stops every current and future read (they return -1); fd itself stays open. */
    @Override
    public synchronized void close() throws IOException {
        if (stopped) {
            return;
        }
        stopped = true;
        LibC.INSTANCE.write(wakeWrite, new byte[] {1}, 1);
        // A reader woken by the pipe gives the lock back at once; only then is the pipe closed,
        // so no poll ever waits on a descriptor number that has been reused.
        reading.lock();
        try {
            if (!pipeClosed) {
                pipeClosed = true;
                LibC.INSTANCE.close(wakeRead);
                LibC.INSTANCE.close(wakeWrite);
            }
        } finally {
            reading.unlock();
        }
    }
}
