package dev.purser.tui.client;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.SocketChannel;

/**
 * A daemon's answer whose body is read as it arrives (logs, events, wait, save, load progress).
 * Closing it closes its connection, which also ends a read blocked on another thread.
 */
public final class Response implements Closeable {
    private final ResponseHead head;
    private final InputStream body;
    private final SocketChannel connection;

    Response(ResponseHead head, InputStream body, SocketChannel connection) {
        this.head = head;
        this.body = body;
        this.connection = connection;
    }

    public int status() {
        return head.status();
    }

    /** A header's value (any case), or null. */
    public String header(String name) {
        return head.header(name);
    }

    public InputStream body() {
        return body;
    }

    /** To the daemon, after a hijack: the container's or exec's stdin; each write goes out at once. */
    OutputStream output() {
        return ChannelStreams.output(connection);
    }

    /** Half-closes a hijacked connection: the daemon sees the end of stdin, output keeps coming. */
    void shutdownOutput() {
        try {
            connection.shutdownOutput();
        } catch (IOException ignored) {
            // the connection is already gone; nothing left to tell the daemon
        }
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (IOException ignored) {
            // nothing the user could do about a connection that will not close
        }
    }
}
