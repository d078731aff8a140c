package dev.purser.engine.network.ports;

import dev.purser.engine.runtime.Linux;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.StandardProtocolFamily;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SocketChannel;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;

/**
 * Opens sockets inside a container's network namespace: one platform thread moves itself into
 * the namespace with setns(2) and makes the sockets there; a socket stays in the namespace it
 * was made in, so the forwarders use it from any thread (as rootlesskit's builtin port driver
 * does). One stream socket is kept made ahead, so a new connection does not wait for the
 * thread (docs/decisions/0032).
 */
final class NetworkNamespace implements AutoCloseable {
    private final ExecutorService thread;
    private final CompletableFuture<Void> entered;
    private final java.util.concurrent.atomic.AtomicReference<SocketChannel> spare = new java.util.concurrent.atomic.AtomicReference<>();
    private volatile boolean closed;

    NetworkNamespace(Linux linux, int pid, String name) {
        this.thread = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "netns-" + name);
            t.setDaemon(true);
            return t;
        });
        this.entered = CompletableFuture.runAsync(() -> linux.enterNetworkNamespace(pid), thread);
    }

    SocketChannel stream() throws IOException {
        SocketChannel ready = spare.getAndSet(null);
        makeSpare();
        return ready != null ? ready : open(() -> SocketChannel.open(StandardProtocolFamily.INET));
    }

    /** Makes the next stream socket on the namespace's thread, for the next connection. */
    private void makeSpare() {
        try {
            thread.execute(() -> {
                try {
                    entered.join();
                    SocketChannel made = SocketChannel.open(StandardProtocolFamily.INET);
                    if (closed || !spare.compareAndSet(null, made)) {
                        made.close();
                    }
                } catch (IOException | RuntimeException e) {
                    // the next connection makes its own, and reports why it cannot
                }
            });
        } catch (RejectedExecutionException e) {
            // closed
        }
    }

    DatagramChannel datagram() throws IOException {
        return open(() -> DatagramChannel.open(StandardProtocolFamily.INET));
    }

    private interface Opener<T> {
        T open() throws IOException;
    }

    private <T> T open(Opener<T> opener) throws IOException {
        try {
            return CompletableFuture.supplyAsync(() -> {
                entered.join();
                try {
                    return opener.open();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }, thread).get();
        } catch (RejectedExecutionException e) {
            throw new IOException("the container's network namespace is closed");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() instanceof java.util.concurrent.CompletionException ce ? ce.getCause() : e.getCause();
            if (cause instanceof UncheckedIOException u) throw u.getCause();
            throw new IOException("opening a socket in the container's network namespace: " + cause.getMessage(), cause);
        }
    }

    /** The thread ends, and with it the namespace reference it held. */
    @Override
    public void close() {
        closed = true;
        thread.shutdownNow();
        try {
            // a spare being made now is either closed by its maker (closed is set) or taken below
            thread.awaitTermination(1, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        SocketChannel left = spare.getAndSet(null);
        if (left != null) {
            try {
                left.close();
            } catch (IOException e) {
                // nothing to release then
            }
        }
    }
}
