package dev.purser.engine.api;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Closes a connection whose request stopped coming: armed by the bytes of a request, started over
 * by every later read, and disarmed once the request is complete ({@link #requestComplete}).
 * An idle connection between requests, or one whose request an endpoint is serving, is left
 * alone. Sits in front of the HTTP codec, so it sees the bytes of headers that never end too.
 * Runs on the channel's event loop only.
 */
final class RequestDeadline extends ChannelInboundHandlerAdapter {
    private final long nanos;
    private ScheduledFuture<?> timer;
    private boolean between = true;

    RequestDeadline(Duration deadline) {
        this.nanos = deadline.toNanos();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
        if (msg instanceof ByteBuf buf && buf.isReadable()) {
            between = false;
            // every read starts the silence over
            cancel();
            timer = ctx.executor().schedule(() -> expire(ctx), nanos, TimeUnit.NANOSECONDS);
        }
        super.channelRead(ctx, msg);
    }

    private void expire(ChannelHandlerContext ctx) {
        if (!between) {
            ctx.close();
        }
    }

    private void cancel() {
        if (timer != null) {
            timer.cancel(false);
            timer = null;
        }
    }

    /** The request's last byte is in: until the next one begins, there is nothing to wait for. */
    void requestComplete() {
        between = true;
        cancel();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        requestComplete();
        super.channelInactive(ctx);
    }
}
