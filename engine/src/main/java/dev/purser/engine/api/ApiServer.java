package dev.purser.engine.api;

import dev.purser.engine.runtime.Linux;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerDomainSocketChannel;
import io.netty.channel.unix.DomainSocketAddress;
import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.handler.codec.http.HttpServerCodec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP server on the Unix socket. The socket is mode 0660, owned by root and by the
 * {@code purser} group when that group exists: never world-writable, since whoever can talk
 * to it can run anything as root; it takes the socket's path over whole ({@link SocketFile}).
 */
public final class ApiServer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ApiServer.class);
    static final int MAX_JSON_BODY = EdgeLimits.MAX_JSON_BODY;

    private final EventLoopGroup group = new MultiThreadIoEventLoopGroup(2, EpollIoHandler.newFactory());
    /**
     * How long an idle request worker lives. The JDK's cached pool keeps one for 60 s; a daemon
     * at rest has then still every worker of its last burst. A new thread per request after 5 s
     * of quiet costs far less than a request does (decision 0062).
     */
    static final java.time.Duration WORKER_IDLE = java.time.Duration.ofSeconds(5);

    private final ExecutorService workers = new ThreadPoolExecutor(0, Integer.MAX_VALUE, WORKER_IDLE.toMillis(),
            TimeUnit.MILLISECONDS, new SynchronousQueue<>(), new NamedThreads("api"));
    private final Path socket;
    private final Linux linux = new Linux();
    private Channel channel;
    /** The socket's path is this server's (and is removed when it closes). */
    private volatile boolean published;

    private ApiServer(Path socket) {
        this.socket = socket;
    }

    public static ApiServer start(Router router, Path socket, Path spoolDir) throws IOException, InterruptedException {
        return start(ReadinessGate.open(router), socket, spoolDir, EdgeLimits.forThisHeap());
    }

    public static ApiServer start(Router router, Path socket, Path spoolDir, EdgeLimits limits)
            throws IOException, InterruptedException {
        return start(ReadinessGate.open(router), socket, spoolDir, limits);
    }

    /** Serves {@code gate}'s routes: requests that need an engine still opening wait for it. */
    public static ApiServer start(ReadinessGate gate, Path socket, Path spoolDir) throws IOException, InterruptedException {
        return start(gate, socket, spoolDir, EdgeLimits.forThisHeap());
    }

    public static ApiServer start(ReadinessGate gate, Path socket, Path spoolDir, EdgeLimits limits)
            throws IOException, InterruptedException {
        BodyBudget budget = new BodyBudget(limits.memoryBudget());
        ApiServer server = new ApiServer(socket);
        SocketFile file = new SocketFile(socket);
        Path binding = file.binding("api");
        ServerBootstrap bootstrap = new ServerBootstrap()
                .group(server.group)
                .channel(EpollServerDomainSocketChannel.class)
                .childOption(ChannelOption.ALLOW_HALF_CLOSURE, true)
                .childHandler(new ChannelInitializer<Channel>() {
                    @Override
                    protected void initChannel(Channel ch) {
                        ch.pipeline().addLast("deadline", new RequestDeadline(limits.requestDeadline()));
                        // Go's limit is on the request line and headers together; Netty's on
                        // each: the line's within the headers' is as strict
                        ch.pipeline().addLast("http", new HttpServerCodec(new HttpDecoderConfig()
                                .setMaxInitialLineLength(EdgeLimits.MAX_HEADER_BYTES)
                                .setMaxHeaderSize(EdgeLimits.MAX_HEADER_BYTES)));
                        ch.pipeline().addLast("api", new ApiChannelHandler(gate, server.workers, spoolDir, limits, budget, server.linux));
                    }
                });
        server.channel = bootstrap.bind(new DomainSocketAddress(binding.toFile())).sync().channel();
        try {
            // replaces whatever was there (the early listener's socket, a stale one) in one rename
            file.takeOver(binding);
            server.published = true;
        } catch (IOException | RuntimeException e) {
            server.close();
            Files.deleteIfExists(binding);
            throw e;
        }
        log.info("API listening on unix://{}", socket);
        return server;
    }

    public Path socket() {
        return socket;
    }

    /**
     * Lets the requests already handed to endpoints finish and their responses go out, taking no
     * new ones: what a daemon that cannot open its engine does before it ends, so the requests it
     * held get their answer.
     */
    public void finishServing(java.time.Duration within) {
        runQueuedEventLoopTasks();
        workers.shutdown();
        try {
            workers.awaitTermination(within.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        runQueuedEventLoopTasks();
    }

    /** Returns once every event loop has run what was queued on it before (writes, handed-back requests). */
    private void runQueuedEventLoopTasks() {
        for (io.netty.util.concurrent.EventExecutor loop : group) {
            loop.submit(() -> { }).awaitUninterruptibly(5_000);
        }
    }

    @Override
    public void close() {
        if (channel != null) {
            channel.close().awaitUninterruptibly();
        }
        group.shutdownGracefully(0, 1, java.util.concurrent.TimeUnit.SECONDS).awaitUninterruptibly();
        workers.shutdownNow();
        if (!published) {
            return;
        }
        try {
            Files.deleteIfExists(socket);
        } catch (IOException e) {
            log.debug("removing {}: {}", socket, e.getMessage());
        }
    }

    /** The request workers alive now, busy or idle. */
    int workerThreads() {
        return ((ThreadPoolExecutor) workers).getPoolSize();
    }

    /** Daemon threads with readable names, so a thread dump says what each one serves. */
    record NamedThreads(String prefix, AtomicInteger counter) implements java.util.concurrent.ThreadFactory {
        NamedThreads(String prefix) {
            this(prefix, new AtomicInteger());
        }

        @Override
        public Thread newThread(Runnable r) {
            Thread t = new Thread(r, prefix + "-" + counter.incrementAndGet());
            t.setDaemon(true);
            return t;
        }
    }
}
