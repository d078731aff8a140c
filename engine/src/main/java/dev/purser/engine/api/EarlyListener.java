package dev.purser.engine.api;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The API socket's first listener, on the JDK's own Unix-domain channels, bound before Netty,
 * the logger or the engine are loaded: it answers {@code /_ping} within a fraction of a second
 * of the daemon's spawn, so a client that auto-starts the daemon knows it is there
 * (docs/decisions/0055). Once the {@link ApiServer} has taken the socket's path over, new
 * connections go to it; those this listener accepted stay its own, and what they ask besides
 * {@code /_ping} goes to the server ({@link EarlyConnection}).
 */
final class EarlyListener implements AutoCloseable {
    /**
     * How long the listener still accepts after the server took the path over: a client whose
     * connect found the path just before the rename is queued on this socket, and is served.
     */
    private static final long DRAIN_MILLIS = 5_000;

    private final SocketFile socket;
    private final ServerSocketChannel channel;
    private final Selector selector;
    private final String buildHeader;
    private final CompletableFuture<Path> server = new CompletableFuture<>();
    private final AtomicInteger connections = new AtomicInteger();
    /** Connections not ended yet; guarded by itself. */
    private final int[] open = {0};
    private final Thread acceptor;

    private EarlyListener(SocketFile socket, ServerSocketChannel channel, Selector selector, String buildHeader) {
        this.socket = socket;
        this.channel = channel;
        this.selector = selector;
        this.buildHeader = buildHeader;
        this.acceptor = new Thread(this::accept, "api-early");
        acceptor.setDaemon(true);
    }

    /** Binds {@code socket} (replacing a stale socket file there) and starts answering. */
    static EarlyListener open(Path socket) throws IOException {
        SocketFile file = new SocketFile(socket);
        Path binding = file.binding("early");
        ServerSocketChannel channel = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        try {
            channel.bind(UnixDomainSocketAddress.of(binding));
            channel.configureBlocking(false);
            Selector selector = Selector.open();
            channel.register(selector, SelectionKey.OP_ACCEPT);
            file.takeOver(binding);
            EarlyListener listener = new EarlyListener(file, channel, selector,
                    BuildId.of(EarlyListener.class).map(BuildId::header).orElse(null));
            listener.acceptor.start();
            return listener;
        } catch (IOException | RuntimeException e) {
            channel.close();
            Files.deleteIfExists(binding);
            throw e;
        }
    }

    private void accept() {
        try {
            long drainUntil = 0;
            while (true) {
                boolean handedOver = server.isDone();
                if (handedOver && drainUntil == 0) {
                    drainUntil = System.nanoTime() + DRAIN_MILLIS * 1_000_000;
                }
                if (handedOver && System.nanoTime() >= drainUntil) {
                    acceptWaiting(); // the last that came before the deadline
                    return;
                }
                selector.select(handedOver ? Math.max(1, (drainUntil - System.nanoTime()) / 1_000_000) : 0);
                selector.selectedKeys().clear();
                acceptWaiting();
            }
        } catch (IOException | java.nio.channels.ClosedSelectorException e) {
            // the listener is closed: the daemon ends
        } finally {
            try {
                selector.close();
                channel.close();
            } catch (IOException e) {
                // nothing more to release
            }
        }
    }

    private void acceptWaiting() throws IOException {
        SocketChannel client;
        while ((client = channel.accept()) != null) {
            client.configureBlocking(true);
            EarlyConnection connection = new EarlyConnection(client, buildHeader, server);
            synchronized (open) {
                open[0]++;
            }
            Thread thread = new Thread(() -> {
                try {
                    connection.serve();
                } finally {
                    synchronized (open) {
                        open[0]--;
                        open.notifyAll();
                    }
                }
            }, "api-early-" + connections.incrementAndGet());
            thread.setDaemon(true);
            thread.start();
        }
    }

    /**
     * The server listens on the socket's path now: this listener takes no new connections (after
     * serving those already queued on it), and what its connections ask besides {@code /_ping}
     * goes to the server from now on.
     */
    void handOver() {
        if (server.complete(socket.path())) {
            selector.wakeup(); // not once closed: the daemon is ending
        }
    }

    /**
     * Waits, at most {@code within}, until every connection this listener accepted has ended: a
     * daemon whose engine failed to open lets the requests relayed to its server get their answer.
     */
    void awaitConnectionsEnded(java.time.Duration within) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        synchronized (open) {
            while (open[0] > 0) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return;
                }
                java.util.concurrent.TimeUnit.NANOSECONDS.timedWait(open, left);
            }
        }
    }

    /** How many connections this listener accepted (for the daemon's log). */
    int accepted() {
        return connections.get();
    }

    /**
     * The daemon ends: no more connections, and those waiting for the server close unanswered;
     * the socket file goes if the server never took it over.
     */
    @Override
    public void close() throws IOException {
        boolean mine = server.completeExceptionally(new IOException("the daemon is shutting down"));
        try {
            selector.close();
        } finally {
            channel.close();
        }
        if (mine) {
            Files.deleteIfExists(socket.path());
        }
    }
}
