package dev.purser.tui.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class StreamDemuxTest {

    private static void frame(ByteArrayOutputStream out, int stream, String payload) {
        byte[] bytes = payload.getBytes(StandardCharsets.UTF_8);
        out.writeBytes(new byte[] {(byte) stream, 0, 0, 0, (byte) (bytes.length >>> 24), (byte) (bytes.length >>> 16),
                (byte) (bytes.length >>> 8), (byte) bytes.length});
        out.writeBytes(bytes);
    }

    private static byte[] multiplexed() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        frame(out, 1, "out-1\n");
        frame(out, 2, "err-1\n");
        frame(out, 1, "");
        frame(out, 1, "out-2\n");
        return out.toByteArray();
    }

    @Test
    void copySplitsStdoutFromStderr() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        StreamDemux.copy(new ByteArrayInputStream(multiplexed()), false, out, err);
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("out-1\nout-2\n");
        assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo("err-1\n");
    }

    @Test
    void mergedGivesBothStreamsPayloadsInTheOrderTheyCameWithoutHeaders() throws IOException {
        InputStream merged = StreamDemux.merged(new ByteArrayInputStream(multiplexed()));
        assertThat(new String(merged.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("out-1\nerr-1\nout-2\n");
    }

    @Test
    void mergedHandsAFrameOutInPiecesWhenTheReadIsSmallerThanIt() throws IOException {
        InputStream merged = StreamDemux.merged(new ByteArrayInputStream(multiplexed()));
        byte[] small = new byte[4];
        assertThat(merged.read(small, 0, 4)).isEqualTo(4);
        assertThat(new String(small, StandardCharsets.UTF_8)).isEqualTo("out-");
        assertThat(merged.read()).isEqualTo('1');
    }

    @Test
    void mergedFailsOnAFrameCutShort() {
        byte[] whole = multiplexed();
        byte[] cut = java.util.Arrays.copyOf(whole, 8 + 3);
        InputStream merged = StreamDemux.merged(new ByteArrayInputStream(cut));
        assertThatThrownBy(merged::readAllBytes).isInstanceOf(EOFException.class);
    }

    @Test
    void closingMergedClosesTheConnectionsStream() throws IOException {
        AtomicBoolean closed = new AtomicBoolean();
        InputStream underlying = new ByteArrayInputStream(multiplexed()) {
            @Override
            public void close() {
                closed.set(true);
            }
        };
        StreamDemux.merged(underlying).close();
        assertThat(closed).isTrue();
    }
}
