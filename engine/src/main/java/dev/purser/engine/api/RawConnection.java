package dev.purser.engine.api;

import dev.purser.engine.runtime.Linux;
import dev.purser.engine.runtime.LinuxException;
import io.netty.channel.Channel;
import io.netty.channel.unix.UnixChannel;
import java.util.Arrays;
import java.util.function.Consumer;

/**
 * A connection once it has left Netty (a hijacked attach or exec, or a streamed response): the
 * socket itself, read by a thread of its own and written with blocking sends, so a slow client
 * slows the writer down and a client that half-closes still gets every byte.
 *
 * <p>Why not Netty: its 4.2 epoll transport removes a socket from the epoll set when no event
 * is wanted any more (after the client half-closed and everything was flushed) but goes on
 * modifying the removed entry, so the first write that has to wait for a slow reader fails with
 * ENOENT and the output is shut down for good (4.2.18 to 4.2.20). A stream needs nothing of Netty
 * once its response headers are out; see docs/decisions/0004.
 *
 * <p>It works on a duplicate of the channel's descriptor, its own, closed only once the reader
 * has stopped and no send can start: whatever closes the (deregistered) Netty channel, no call
 * here ever reaches a descriptor number that has been reused. The channel is closed at the end
 * too, which is what tells the endpoint's close listeners.
 */
final class RawConnection {
    private final Linux linux;
    private final Channel channel;
    private final int fd;
    /** Held while a send runs; the descriptor is released only outside it. */
    private final Object sending = new Object();
    /** Guards {@code released}: after it, the descriptor number may belong to someone else. */
    private final Object descriptor = new Object();
    private volatile boolean closed;
    private boolean released;

    private RawConnection(Linux linux, Channel channel) {
        this.linux = linux;
        this.channel = channel;
        this.fd = linux.duplicate(((UnixChannel) channel).fd().intValue());
    }

    /**
     * Takes over a channel that has been deregistered from its event loop: bytes from the client
     * go to {@code input}, and {@code inputClosed} runs once when the client half-closes or goes.
     */
    static RawConnection takeOver(Linux linux, Channel channel, Consumer<byte[]> input, Runnable inputClosed,
                                  String name) {
        RawConnection connection = new RawConnection(linux, channel);
        linux.setBlocking(connection.fd);
        Thread reader = new Thread(() -> connection.read(input, inputClosed), name);
        reader.setDaemon(true);
        reader.start();
        return connection;
    }

    private void read(Consumer<byte[]> input, Runnable inputClosed) {
        byte[] buffer = new byte[16384];
        try {
            for (int n; !closed && (n = linux.read(fd, buffer)) > 0; ) {
                input.accept(Arrays.copyOf(buffer, n));
            }
        } catch (LinuxException reset) {
            // a reset is the client's end as much as an orderly one
        } finally {
            inputClosed.run();
        }
        // A client that half-closed still reads: the connection lasts until it hangs up or we do.
        linux.awaitHangup(fd);
        closed = true;
        synchronized (sending) {
            synchronized (descriptor) {
                released = true;
                linux.close(fd);
            }
        }
        channel.close();
    }

    boolean isOpen() {
        return !closed;
    }

    /** Sends the bytes, waiting while the client is slow; false once the connection is gone. */
    boolean write(byte[] data, int offset, int length) {
        synchronized (sending) {
            if (closed) {
                return false;
            }
            if (linux.send(fd, data, offset, length)) {
                return true;
            }
        }
        close();
        return false;
    }

    /** Ends the connection both ways; the reader then closes the descriptor. */
    void close() {
        closed = true;
        synchronized (descriptor) {
            if (!released) {
                linux.shutdown(fd, Linux.SHUT_RDWR);
            }
        }
    }
}
