package dev.purser.engine.network;

import dev.purser.engine.runtime.LinuxException;

/** The kernel refused a netlink request: what was being done, and the errno it answered. */
public final class NetlinkException extends RuntimeException {
    private final int errno;

    public NetlinkException(String doing, int errno) {
        super(doing + ": " + LinuxException.describe(errno));
        this.errno = errno;
    }

    public int errno() {
        return errno;
    }
}
