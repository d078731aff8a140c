package dev.purser.engine.api;

import dev.purser.engine.container.ContainerStartException;
import dev.purser.engine.runtime.Linux;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpObject;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.socket.ChannelInputShutdownEvent;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.util.ReferenceCountUtil;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One connection's HTTP requests: collects each body (in memory up to a limit, or spooled to
 * a file for upload routes), hands the complete request to its endpoint on a worker thread,
 * and turns whatever the endpoint throws into Docker's JSON error. A hijacked connection, or
 * one carrying a streamed response, leaves Netty once its headers are out ({@link RawConnection}).
 */
final class ApiChannelHandler extends ChannelInboundHandlerAdapter implements Exchange.HijackSupport {
    private static final Logger log = LoggerFactory.getLogger(ApiChannelHandler.class);

    private final ReadinessGate routes;
    private final ExecutorService workers;
    private final Path spoolDir;
    private final EdgeLimits limits;
    private final BodyBudget budget;
    private final Linux linux;

    // Everything below but the volatile fields is touched on the channel's event loop only.
    private HttpRequest request;
    private Router.Match match;
    private String path;
    private String version;
    private QueryStringDecoder decoder;
    private BodyBuffer memoryBody;
    private Path fileBody;
    private OutputStream fileOut;
    /** What this request holds of the body budget; given back when its endpoint is done. */
    private long reserved;
    /** 413 or 503 to answer once the body is in, instead of running the endpoint. */
    private int refusal;
    /** A request is being received or served: its body and spool file belong to it. */
    private boolean inFlight;
    /** A request's body is still coming. */
    private boolean receiving;
    /** Requests a pipelining client sent while the one before was served, in order. */
    private final List<Object> pending = new ArrayList<>();
    /** A request that needs the engine, and what followed it, while the engine is still opening. */
    private List<Object> held;
    /** Why no route can serve this request: the engine failed to open. */
    private String unavailable;
    private ChannelHandlerContext context;
    /** The client will send nothing more (half-closed): close once the response is out. */
    private boolean inputShut;
    /** A malformed request was answered: nothing more is read on this connection. */
    private boolean rejected;

    private volatile Consumer<byte[]> hijackedInput;

    ApiChannelHandler(ReadinessGate routes, ExecutorService workers, Path spoolDir, EdgeLimits limits, BodyBudget budget, Linux linux) {
        this.linux = linux;
        this.routes = routes;
        this.workers = workers;
        this.spoolDir = spoolDir;
        this.limits = limits;
        this.budget = budget;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
        try {
            if (hijackedInput != null) {
                if (msg instanceof ByteBuf buf) {
                    hijackedInput.accept(ByteBufUtil.getBytes(buf));
                }
                return;
            }
            if (rejected) {
                return;
            }
            if (inFlight && !receiving) {
                pending.add(ReferenceCountUtil.retain(msg));
                return;
            }
            if (held != null) {
                held.add(ReferenceCountUtil.retain(msg));
                return;
            }
            if (msg instanceof HttpObject o && o.decoderResult().isFailure()) {
                reject(ctx, o.decoderResult().cause());
                return;
            }
            if (msg instanceof HttpRequest r && waitsForEngine(r)) {
                hold(ctx, r);
                return;
            }
            if (msg instanceof HttpRequest r && !begin(ctx, r)) {
                return;
            }
            if (msg instanceof HttpContent content) {
                collect(content.content());
                if (content instanceof LastHttpContent) {
                    RequestDeadline deadline = ctx.pipeline().get(RequestDeadline.class);
                    if (deadline != null) {
                        deadline.requestComplete();
                    }
                    finish(ctx.channel());
                }
            }
        } finally {
            ReferenceCountUtil.release(msg);
        }
    }

    private boolean waitsForEngine(HttpRequest r) {
        try {
            return routes.holds(r.method().name(), Router.splitVersion(new QueryStringDecoder(r.uri()).path())[0]);
        } catch (IllegalArgumentException e) {
            return false; // begin() answers a target that does not decode
        }
    }

    /** Keeps the request (and its body as it comes) unread until the readiness gate lets it go, then serves it. */
    private void hold(ChannelHandlerContext ctx, HttpRequest request) {
        held = new ArrayList<>();
        held.add(ReferenceCountUtil.retain(request));
        ctx.channel().config().setAutoRead(false);
        // nothing is read while held, so the client's silence is ours: its deadline starts once reading does
        RequestDeadline deadline = ctx.pipeline().get(RequestDeadline.class);
        if (deadline != null) {
            deadline.requestComplete();
        }
        routes.whenSettled(() -> waitsForEngine(request), () -> ctx.channel().eventLoop().execute(() -> release(ctx)));
    }

    /** On the event loop at the gate's next step (or failure): what was held goes through as if just read, or is held again. */
    private void release(ChannelHandlerContext ctx) {
        List<Object> messages = held;
        held = null;
        if (messages == null) {
            return; // the connection closed meanwhile
        }
        for (Object msg : messages) {
            try {
                channelRead(ctx, msg);
            } catch (Exception e) {
                exceptionCaught(ctx, e);
            }
        }
        if (ctx.channel().isActive() && !rejected && (!inFlight || receiving)) {
            ctx.channel().config().setAutoRead(true);
        }
    }

    /**
     * A request Netty could not parse, or whose target does not decode: 400 (431 when its head is
     * too large, as Docker answers), and the connection ends, since where the next request would
     * begin is unknown.
     */
    private void reject(ChannelHandlerContext ctx, Throwable cause) {
        rejected = true;
        discardBody();
        boolean tooLarge = cause instanceof TooLongFrameException;
        int status = tooLarge ? 431 : 400;
        String message = tooLarge ? "request header fields too large (more than " + EdgeLimits.MAX_HEADER_BYTES + " bytes)"
                : "malformed HTTP request: " + (cause == null ? "unreadable" : cause.getMessage());
        log.debug("rejected a request: {}", message);
        FullHttpResponse response = Exchange.errorResponse(status, message);
        response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        ctx.channel().config().setAutoRead(false);
        ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
    }

    private boolean begin(ChannelHandlerContext ctx, HttpRequest r) throws IOException {
        request = r;
        refusal = 0;
        memoryBody = null;
        fileBody = null;
        fileOut = null;
        reserved = 0;
        inFlight = true;
        receiving = true;
        try {
            decoder = new QueryStringDecoder(r.uri());
            String[] split = Router.splitVersion(decoder.path());
            decoder.parameters();
            path = split[0];
            version = split[1];
        } catch (IllegalArgumentException e) {
            reject(ctx, e);
            return false;
        }
        match = routes.match(r.method().name(), path).orElse(null);
        unavailable = match == null ? routes.failure().orElse(null) : null;
        if (match != null && match.upload()) {
            Files.createDirectories(spoolDir);
            fileBody = Files.createTempFile(spoolDir, "upload-", ".tar");
            fileOut = Files.newOutputStream(fileBody);
            return true;
        }
        long length = HttpUtil.getContentLength(r, -1L);
        if (length > limits.maxJsonBody()) {
            refusal = 413;
        } else if (length > 0 && !reserve(length)) {
            refusal = 503;
        } else {
            memoryBody = new BodyBuffer(length > 0 ? (int) length : 0);
        }
        return true;
    }

    private boolean reserve(long bodyBytes) {
        long cost = EdgeLimits.heapCost(bodyBytes);
        if (!budget.tryReserve(cost)) {
            return false;
        }
        reserved += cost;
        return true;
    }

    private void collect(ByteBuf content) throws IOException {
        if (!content.isReadable() || refusal != 0) {
            return;
        }
        if (fileOut != null) {
            content.readBytes(fileOut, content.readableBytes());
        } else if (memoryBody != null) {
            int size = memoryBody.size() + content.readableBytes();
            if (size > limits.maxJsonBody()) {
                refuse(413);
                return;
            }
            // a body without a Content-Length reserves its share as it grows
            if (size > memoryBody.capacity() && !reserve(size - memoryBody.capacity())) {
                refuse(503);
                return;
            }
            content.readBytes(memoryBody, content.readableBytes());
        }
    }

    private void refuse(int status) {
        refusal = status;
        memoryBody = null;
    }

    /** Gives the body's memory back and removes its spool file: the request is over, however it ended. */
    private void discardBody() {
        memoryBody = null;
        if (reserved > 0) {
            budget.release(reserved);
            reserved = 0;
        }
        if (fileOut != null) {
            try {
                fileOut.close();
            } catch (IOException e) {
                log.debug("closing {}: {}", fileBody, e.getMessage());
            }
            fileOut = null;
        }
        if (fileBody != null) {
            try {
                Files.deleteIfExists(fileBody);
            } catch (IOException e) {
                log.warn("removing the spool file {}: {}", fileBody, e.getMessage());
            }
            fileBody = null;
        }
    }

    private void finish(Channel channel) throws IOException {
        receiving = false;
        if (fileOut != null) {
            fileOut.close();
            fileOut = null;
        }
        HttpRequest r = request;
        String v = version;
        Router.Match m = match;
        Exchange exchange = new Exchange(channel, r.method().name(), path, m == null ? Map.of() : m.params(), decoder,
                r.headers(), memoryBody == null ? null : memoryBody.bytes(), fileBody, this);
        int refused = refusal;
        String noEngine = unavailable;
        memoryBody = null;
        boolean keepAlive = HttpUtil.isKeepAlive(r);
        channel.config().setAutoRead(false);
        workers.execute(() -> {
            try {
                if (refused == 413) {
                    exchange.error(413, "request body too large (more than " + limits.maxJsonBody() + " bytes)");
                } else if (refused == 503) {
                    exchange.error(503, "the daemon is holding as many request bodies as it can ("
                            + (budget.limit() >> 20) + " MB); try again when other requests have finished");
                } else if (v != null && Versions.compare(v, Exchange.API_VERSION) > 0) {
                    exchange.error(400, "client version " + v + " is too new. Maximum supported API version is "
                            + Exchange.API_VERSION);
                } else if (v != null && Versions.compare(v, Exchange.MIN_API_VERSION) < 0) {
                    exchange.error(400, "client version " + v + " is too old. Minimum supported API version is "
                            + Exchange.MIN_API_VERSION + ", please upgrade your client to a newer version");
                } else if (m == null && noEngine != null) {
                    exchange.error(500, noEngine);
                } else if (m == null) {
                    exchange.error(404, "page not found");
                } else {
                    m.endpoint().handle(exchange);
                }
            } catch (Throwable t) {
                ApiErrors.Reply reply = ApiErrors.reply(t);
                if (reply.status() >= 500 && !(t instanceof ContainerStartException)) {
                    log.warn("{} {}: {}", r.method(), r.uri(), t.toString(), t);
                }
                if (!exchange.responded()) {
                    exchange.error(reply.status(), reply.message());
                } else {
                    exchange.abort();
                }
            } finally {
                if (!exchange.responded()) {
                    exchange.status(204);
                }
                if (hijackedInput != null) {
                    // the connection has left the event loop: nothing else touches this state
                    discardBody();
                } else {
                    // Queued behind the response's own write (tasks run in order), so the
                    // connection is closed, or read again, only once the response is out.
                    channel.eventLoop().execute(() -> served(channel, keepAlive));
                }
            }
        });
    }

    /** On the event loop, after the response was written: the next request, or the end of the connection. */
    private void served(Channel channel, boolean keepAlive) {
        discardBody();
        inFlight = false;
        if (!keepAlive) {
            releasePending();
            channel.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE);
            return;
        }
        // requests a pipelining client sent meanwhile are served in order, even after it half-closed
        List<Object> next = List.copyOf(pending);
        pending.clear();
        for (Object msg : next) {
            try {
                channelRead(context, msg);
            } catch (Exception e) {
                exceptionCaught(context, e);
            }
        }
        if (!inFlight && inputShut) {
            channel.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE);
        } else if (!inFlight || receiving) {
            channel.config().setAutoRead(true);
        }
    }

    private void releasePending() {
        pending.forEach(ReferenceCountUtil::release);
        pending.clear();
        if (held != null) {
            held.forEach(ReferenceCountUtil::release);
            held = null;
        }
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        context = ctx;
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        // A client gone mid-request (an upload cut off): nothing will finish it, so its spool
        // file and memory go now. One being served keeps them until its endpoint is done.
        if (receiving) {
            discardBody();
            receiving = false;
            inFlight = false;
        }
        releasePending();
        super.channelInactive(ctx);
    }

    @Override
    public RawConnection hijack(Channel channel, HttpResponse response, Consumer<byte[]> input, Runnable inputClosed) {
        hijackedInput = input;
        CompletableFuture<Void> leftNetty = new CompletableFuture<>();
        // On the event loop, in this order: the response goes out through the HTTP encoder; the
        // HTTP codec leaves the pipeline, handing over any bytes the client sent after its
        // request (they reach {@code input} through channelRead); the channel leaves the event
        // loop. Reading stays off meanwhile, so everything later is read from the socket itself.
        channel.eventLoop().execute(() -> channel.writeAndFlush(response).addListener(written -> {
            if (channel.pipeline().get(RequestDeadline.class) != null) {
                channel.pipeline().remove(RequestDeadline.class);
            }
            if (channel.pipeline().get("http") != null) {
                channel.pipeline().remove("http");
            }
            channel.deregister().addListener(f -> {
                if (f.isSuccess()) leftNetty.complete(null);
                else leftNetty.completeExceptionally(f.cause());
            });
        }));
        try {
            leftNetty.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while taking over the connection", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("taking over the connection: " + e.getCause(), e.getCause());
        }
        return RawConnection.takeOver(linux, channel, input, inputClosed, "api-raw-" + channel.id().asShortText());
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
        if (evt instanceof ChannelInputShutdownEvent) {
            // A client may half-close once its request is sent (the docker CLI does for some
            // calls); the response still goes out, and the connection closes after it.
            inputShut = true;
            if (receiving) {
                // the rest of the request will never come (an upload cut off)
                discardBody();
                receiving = false;
                inFlight = false;
            }
            if (!inFlight) {
                ctx.close();
            }
            return;
        }
        super.userEventTriggered(ctx, evt);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        log.debug("connection error: {}", cause.toString());
        ctx.close();
    }
}
