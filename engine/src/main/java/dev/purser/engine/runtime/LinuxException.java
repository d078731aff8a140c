package dev.purser.engine.runtime;

import jnr.constants.platform.Errno;

/** A Linux call failed: names the call, what it was called on, and the errno. */
public final class LinuxException extends RuntimeException {
    private final String call;
    private final int errno;

    public LinuxException(String call, String subject, int errno) {
        super(call + (subject == null ? "" : " " + subject) + ": " + describe(errno));
        this.call = call;
        this.errno = errno;
    }

    public String call() {
        return call;
    }

    public int errno() {
        return errno;
    }

    /** {@code ENOENT (No such file or directory)}, or the bare number when unknown. */
    public static String describe(int errno) {
        Errno e = Errno.valueOf(errno);
        if (e == null || e == Errno.__UNKNOWN_CONSTANT__) {
            return "errno " + errno;
        }
        return e.name() + " (" + e.description() + ")";
    }
}
