package dev.purser.engine.network.ports;

import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A published TCP port: the host's listening socket, and for each client a connection from the
 * host to the container port at the container's bridge address, with the bytes copied both
 * ways and each side's end of stream passed on as a half-close. The container sees the bridge's
 * gateway as the client, and a client whose connection the container refuses is closed, as
 * with Docker's userland proxy (docs/decisions/0050).
 */
final class TcpForwarder implements Forwarder {
    private static final Logger log = LoggerFactory.getLogger(TcpForwarder.class);
    private static final int BUFFER = 64 * 1024;
    /** The copying threads hold a buffer and little else. */
    private static final long STACK = 256 * 1024;

    private final ServerSocketChannel listener;
    private final int containerPort;
    private final String name;
    private final Set<SocketChannel> open = ConcurrentHashMap.newKeySet();
    /** Threads are kept for a minute after a connection ends: a new connection does not wait for one to start. */
    private final ExecutorService threads;
    private volatile boolean closed;

    private TcpForwarder(ServerSocketChannel listener, int containerPort, String name) {
        this.listener = listener;
        this.containerPort = containerPort;
        this.name = name;
        this.threads = new ThreadPoolExecutor(0, Integer.MAX_VALUE, 60, TimeUnit.SECONDS, new SynchronousQueue<>(),
                r -> thread("tcp-" + name, r));
    }

    /** Binds the host socket now, so a port that cannot be had fails the start before the container runs. */
    static TcpForwarder bind(InetSocketAddress address, int containerPort) throws IOException {
        ServerSocketChannel channel = ServerSocketChannel.open(
                address.getAddress() instanceof Inet6Address ? StandardProtocolFamily.INET6 : StandardProtocolFamily.INET);
        try {
            channel.setOption(StandardSocketOptions.SO_REUSEADDR, true);
            channel.bind(address, 512);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
        return new TcpForwarder(channel, containerPort, address.getPort() + "-" + containerPort);
    }

    int boundPort() throws IOException {
        return ((InetSocketAddress) listener.getLocalAddress()).getPort();
    }

    @Override
    public void start(InetAddress container) {
        InetSocketAddress target = new InetSocketAddress(container, containerPort);
        thread("tcp-accept-" + name, () -> accept(target)).start();
    }

    private void accept(InetSocketAddress target) {
        while (!closed) {
            SocketChannel client;
            try {
                client = listener.accept();
            } catch (IOException e) {
                if (!closed) log.debug("port {}: accept: {}", name, e.getMessage());
                return;
            }
            open.add(client);
            try {
                threads.execute(() -> connect(target, client));
            } catch (RejectedExecutionException e) {
                closeQuietly(client); // closing
            }
        }
    }

    private void connect(InetSocketAddress target, SocketChannel client) {
        SocketChannel upstream = null;
        try {
            upstream = SocketChannel.open(StandardProtocolFamily.INET);
            open.add(upstream);
            if (closed) throw new IOException("closed");
            upstream.connect(target);
            client.setOption(StandardSocketOptions.TCP_NODELAY, true);
            upstream.setOption(StandardSocketOptions.TCP_NODELAY, true);
        } catch (IOException e) {
            log.debug("port {}: connecting to the container: {}", name, e.getMessage());
            closeQuietly(client);
            closeQuietly(upstream);
            return;
        }
        SocketChannel up = upstream;
        AtomicInteger directions = new AtomicInteger(2);
        try {
            threads.execute(() -> copy(up, client, up, directions));
        } catch (RejectedExecutionException e) {
            closeQuietly(client);
            closeQuietly(up);
            return;
        }
        copy(client, up, up, directions);
    }

    /** Copies until end of stream, then half-closes the other side; the second direction to end closes both. */
    private void copy(SocketChannel from, SocketChannel to, SocketChannel upstream, AtomicInteger directions) {
        ByteBuffer buffer = ByteBuffer.allocateDirect(BUFFER);
        SocketChannel client = from == upstream ? to : from;
        try {
            while (from.read(buffer) >= 0) {
                buffer.flip();
                while (buffer.hasRemaining()) {
                    to.write(buffer);
                }
                buffer.clear();
            }
            to.shutdownOutput();
        } catch (IOException e) {
            // a reset or a close on either side ends the whole connection
            closeQuietly(client);
            closeQuietly(upstream);
        }
        if (directions.decrementAndGet() == 0) {
            closeQuietly(client);
            closeQuietly(upstream);
        }
    }

    private void closeQuietly(SocketChannel channel) {
        if (channel == null) return;
        open.remove(channel);
        try {
            channel.close();
        } catch (IOException e) {
            // already gone
        }
    }

    private static Thread thread(String name, Runnable body) {
        Thread t = new Thread(null, body, name, STACK);
        t.setDaemon(true);
        return t;
    }

    @Override
    public void close() {
        closed = true;
        threads.shutdown();
        try {
            listener.close();
        } catch (IOException e) {
            log.debug("port {}: closing: {}", name, e.getMessage());
        }
        for (SocketChannel c : open) {
            closeQuietly(c);
        }
    }
}
