package dev.purser.engine.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.purser.engine.testing.TestDaemon;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Streamed (chunked) responses on a plain socket, as a client that is not the docker CLI may read them. */
@Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class StreamedResponseIT {
    static TestDaemon daemon;

    @BeforeAll
    static void startDaemon() {
        daemon = TestDaemon.start();
        daemon.docker("run", "--name", "counter", "busybox", "seq", "300000");
    }

    @AfterAll
    static void stopDaemon() {
        daemon.close();
    }

    @Test
    void aClientThatHalfClosesAndReadsSlowlyGetsTheWholeLog() throws Exception {
        try (SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            ch.connect(UnixDomainSocketAddress.of(daemon.socket()));
            ch.write(ByteBuffer.wrap("GET /v1.47/containers/counter/logs?stdout=1 HTTP/1.1\r\nHost: purser\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII)));
            ch.shutdownOutput();
            Thread.sleep(2000);   // the socket's buffers fill up meanwhile
            ByteArrayOutputStream response = new ByteArrayOutputStream();
            ByteBuffer buf = ByteBuffer.allocate(65536);
            while (ch.read(buf) > 0) {
                response.write(buf.array(), 0, buf.position());
                buf.clear();
            }
            String text = response.toString(StandardCharsets.ISO_8859_1);
            assertThat(text).startsWith("HTTP/1.1 200 OK").contains("transfer-encoding: chunked").endsWith("\r\n0\r\n\r\n");
            assertThat(linesIn(dechunk(text.substring(text.indexOf("\r\n\r\n") + 4)))).isEqualTo(300000);
        }
    }

    /** The body of a chunked response. */
    private static byte[] dechunk(String chunked) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        int at = 0;
        while (true) {
            int eol = chunked.indexOf("\r\n", at);
            int size = Integer.parseInt(chunked.substring(at, eol), 16);
            if (size == 0) {
                return body.toByteArray();
            }
            body.write(chunked.substring(eol + 2, eol + 2 + size).getBytes(StandardCharsets.ISO_8859_1));
            at = eol + 2 + size + 2;
        }
    }

    /** Lines in a multiplexed stream: frames of an 8-byte header and a payload. */
    private static int linesIn(byte[] stream) {
        int lines = 0;
        for (int at = 0; at < stream.length; ) {
            int length = ((stream[at + 4] & 0xff) << 24) | ((stream[at + 5] & 0xff) << 16) | ((stream[at + 6] & 0xff) << 8)
                    | (stream[at + 7] & 0xff);
            for (int i = at + 8; i < at + 8 + length; i++) {
                if (stream[i] == '\n') lines++;
            }
            at += 8 + length;
        }
        return lines;
    }
}
