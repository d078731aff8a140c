package dev.purser.engine.api;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Closes a connection whose request stopped coming: armed by the first bytes of a request, pushed
 * back by every later read, and disarmed once the request is complete ({@link #requestComplete}).
 * An idle connection between requests, or one whose request an endpoint is serving, is left
 * alone. Sits in front of the HTTP codec, so it sees the bytes of headers that never end too.
 * Runs on the channel's event loop only.
 */
final class RequestDeadline extends ChannelInboundHandlerAdapter {
    private final long nanos;
    private ScheduledFuture<?> timer;
    private long lastRead;
    private boolean between = true;

    RequestDeadline(Duration deadline) {
        this.nanos = deadline.toNanos();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
        if (msg instanceof ByteBuf buf && buf.isReadable()) {
            lastRead = System.nanoTime();
            if (between) {
                between = false;
                schedule(ctx, nanos);
            }
        }
        super.channelRead(ctx, msg);
    }

    private void schedule(ChannelHandlerContext ctx, long delay) {
        timer = ctx.executor().schedule(() -> expire(ctx), delay, TimeUnit.NANOSECONDS);
    }

    private void expire(ChannelHandlerContext ctx) {
        if (between) {
            return;
        }
        long quiet = System.nanoTime() - lastRead;
        if (quiet < nanos) {
            schedule(ctx, nanos - quiet);
        } else {
            ctx.close();
        }
    }

    /** The request's last byte is in: until the next one begins, there is nothing to wait for. */
    void requestComplete() {
        between = true;
        if (timer != null) {
            timer.cancel(false);
            timer = null;
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        requestComplete();
        super.channelInactive(ctx);
    }
}
