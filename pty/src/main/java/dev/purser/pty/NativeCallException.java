package dev.purser.pty;

import java.io.IOException;

/** A libc call failed; the message names the call and the errno, e.g. {@code ioctl(TIOCSWINSZ): errno 9 (Bad file descriptor)}. */
public final class NativeCallException extends IOException {

    private final String call;
    private final int errno;

    NativeCallException(String call, int errno) {
        super(call + ": errno " + errno + " (" + LibC.INSTANCE.strerror(errno) + ")");
        this.call = call;
        this.errno = errno;
    }

    /** Builds the exception from this thread's errno, right after {@code call} failed. */
    static NativeCallException last(String call) {
        return new NativeCallException(call, LibC.errno());
    }

    public String call() {
        return call;
    }

    public int errno() {
        return errno;
    }
}
