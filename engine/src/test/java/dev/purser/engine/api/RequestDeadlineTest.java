package dev.purser.engine.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The deadline on Netty's embedded channel, whose clock the test moves. */
class RequestDeadlineTest {
    private static void read(EmbeddedChannel channel, String bytes) {
        channel.writeInbound(Unpooled.copiedBuffer(bytes, StandardCharsets.US_ASCII));
    }

    @Test
    void anIdleConnectionIsLeftOpen() {
        EmbeddedChannel channel = new EmbeddedChannel(new RequestDeadline(Duration.ofSeconds(5)));
        channel.advanceTimeBy(1, TimeUnit.HOURS);
        channel.runScheduledPendingTasks();
        assertThat(channel.isOpen()).isTrue();
    }

    @Test
    void aRequestThatStopsComingIsClosedAfterTheDeadline() {
        EmbeddedChannel channel = new EmbeddedChannel(new RequestDeadline(Duration.ofSeconds(5)));
        read(channel, "GET /_ping HTTP/1.1\r\n");
        channel.advanceTimeBy(6, TimeUnit.SECONDS);
        channel.runScheduledPendingTasks();
        assertThat(channel.isOpen()).isFalse();
    }

    @Test
    void aCompleteRequestDisarmsTheDeadline() {
        RequestDeadline deadline = new RequestDeadline(Duration.ofSeconds(5));
        EmbeddedChannel channel = new EmbeddedChannel(deadline);
        read(channel, "GET /_ping HTTP/1.1\r\n\r\n");
        deadline.requestComplete();
        channel.advanceTimeBy(1, TimeUnit.HOURS);
        channel.runScheduledPendingTasks();
        assertThat(channel.isOpen()).isTrue();
    }
}
