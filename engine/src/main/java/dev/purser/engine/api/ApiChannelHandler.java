package dev.purser.engine.api;

import dev.purser.engine.container.ContainerStartException;
import dev.purser.engine.runtime.Linux;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
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
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
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

    private final Router router;
    private final ExecutorService workers;
    private final Path spoolDir;
    private final int maxBody;
    private final Linux linux;

    private HttpRequest request;
    private Router.Match match;
    private String path;
    private ByteArrayOutputStream memoryBody;
    private Path fileBody;
    private OutputStream fileOut;
    private boolean tooLarge;

    private volatile boolean inFlight;
    private volatile boolean closeAfterResponse;
    private volatile Consumer<byte[]> hijackedInput;

    ApiChannelHandler(Router router, ExecutorService workers, Path spoolDir, int maxBody, Linux linux) {
        this.linux = linux;
        this.router = router;
        this.workers = workers;
        this.spoolDir = spoolDir;
        this.maxBody = maxBody;
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
            if (msg instanceof HttpRequest r) {
                begin(r);
            }
            if (msg instanceof HttpContent content) {
                collect(content.content());
                if (content instanceof LastHttpContent) {
                    finish(ctx.channel());
                }
            }
        } finally {
            ReferenceCountUtil.release(msg);
        }
    }

    private void begin(HttpRequest r) throws IOException {
        request = r;
        tooLarge = false;
        memoryBody = null;
        fileBody = null;
        fileOut = null;
        QueryStringDecoder decoder = new QueryStringDecoder(r.uri());
        path = Router.splitVersion(decoder.path())[0];
        match = router.match(r.method().name(), path).orElse(null);
        if (match != null && match.upload()) {
            Files.createDirectories(spoolDir);
            fileBody = Files.createTempFile(spoolDir, "upload-", ".tar");
            fileOut = Files.newOutputStream(fileBody);
        } else {
            memoryBody = new ByteArrayOutputStream();
        }
    }

    private void collect(ByteBuf content) throws IOException {
        if (!content.isReadable() || tooLarge) {
            return;
        }
        if (fileOut != null) {
            content.readBytes(fileOut, content.readableBytes());
        } else if (memoryBody != null) {
            if (memoryBody.size() + content.readableBytes() > maxBody) {
                tooLarge = true;
                memoryBody = null;
                return;
            }
            content.readBytes(memoryBody, content.readableBytes());
        }
    }

    private void finish(Channel channel) throws IOException {
        if (fileOut != null) {
            fileOut.close();
        }
        HttpRequest r = request;
        QueryStringDecoder decoder = new QueryStringDecoder(r.uri());
        String version = Router.splitVersion(decoder.path())[1];
        Router.Match m = match;
        Exchange exchange = new Exchange(channel, r.method().name(), path, m == null ? Map.of() : m.params(), decoder,
                r.headers(), memoryBody == null ? null : memoryBody.toByteArray(), fileBody, this);
        Path spooled = fileBody;
        boolean refused = tooLarge;
        boolean keepAlive = HttpUtil.isKeepAlive(r);
        channel.config().setAutoRead(false);
        inFlight = true;
        workers.execute(() -> {
            try {
                if (refused) {
                    exchange.error(413, "request body too large (more than " + maxBody + " bytes)");
                } else if (version != null && Versions.compare(version, Exchange.API_VERSION) > 0) {
                    exchange.error(400, "client version " + version + " is too new. Maximum supported API version is "
                            + Exchange.API_VERSION);
                } else if (version != null && Versions.compare(version, Exchange.MIN_API_VERSION) < 0) {
                    exchange.error(400, "client version " + version + " is too old. Minimum supported API version is "
                            + Exchange.MIN_API_VERSION + ", please upgrade your client to a newer version");
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
                if (spooled != null) {
                    try {
                        Files.deleteIfExists(spooled);
                    } catch (IOException ignored) {
                        // the spool directory is cleared at daemon start
                    }
                }
                if (!exchange.responded()) {
                    exchange.status(204);
                }
                inFlight = false;
                if (hijackedInput == null) {
                    if (!keepAlive || closeAfterResponse) {
                        channel.close();
                    }
                    channel.config().setAutoRead(true);
                }
            }
        });
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
            if (!inFlight) {
                ctx.close();
            } else {
                closeAfterResponse = true;
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
