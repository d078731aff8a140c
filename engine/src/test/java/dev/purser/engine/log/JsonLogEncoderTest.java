package dev.purser.engine.log;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Expected bytes are what moby's jsonlog.MarshalJSONBuf produces for the same input. */
class JsonLogEncoderTest {
    private static final Instant T = Instant.parse("2026-11-29T03:04:05.123456789Z");

    private static String enc(String stream, byte[] line, Instant t) {
        return new String(JsonLogEncoder.encode(new LogRecord(t, LogStream.fromWireName(stream), line)), StandardCharsets.UTF_8);
    }

    @Test
    void plainLine() {
        assertThat(enc("stdout", "hello\n".getBytes(StandardCharsets.UTF_8), T))
                .isEqualTo("{\"log\":\"hello\\n\",\"stream\":\"stdout\",\"time\":\"2026-11-29T03:04:05.123456789Z\"}\n");
    }

    @Test
    void timeDropsTrailingZerosLikeGoRfc3339Nano() {
        assertThat(enc("stderr", "x\n".getBytes(), Instant.parse("2026-01-02T03:04:05.120Z")))
                .isEqualTo("{\"log\":\"x\\n\",\"stream\":\"stderr\",\"time\":\"2026-01-02T03:04:05.12Z\"}\n");
        assertThat(enc("stderr", "x\n".getBytes(), Instant.parse("2026-01-02T03:04:05Z")))
                .endsWith("\"time\":\"2026-01-02T03:04:05Z\"}\n");
        assertThat(enc("stdout", "x".getBytes(), Instant.parse("2026-01-02T03:04:05.000000001Z")))
                .endsWith("\"time\":\"2026-01-02T03:04:05.000000001Z\"}\n");
    }

    @Test
    void emptyLogFieldIsOmitted() {
        assertThat(enc("stdout", new byte[0], T))
                .isEqualTo("{\"stream\":\"stdout\",\"time\":\"2026-11-29T03:04:05.123456789Z\"}\n");
    }

    @Test
    void goEscapingRules() {
        byte[] in = "<a href=\"x\">&</a>\t\\\r\u0001\u007f\n".getBytes(StandardCharsets.UTF_8);
        assertThat(enc("stdout", in, T)).startsWith(
                "{\"log\":\"\\u003ca href=\\\"x\\\"\\u003e\\u0026\\u003c/a\\u003e\\u0009\\\\\\r\\u0001\u007f\\n\",");
    }

    @Test
    void utf8KeptInvalidBytesReplacedLineSeparatorsEscaped() {
        byte[] in = {'a', (byte) 0xc3, (byte) 0xa9, (byte) 0xff, (byte) 0xe2, (byte) 0x82, 'b',
                (byte) 0xe2, (byte) 0x80, (byte) 0xa8, (byte) 0xe2, (byte) 0x80, (byte) 0xa9,
                (byte) 0xed, (byte) 0xa0, (byte) 0x80, (byte) 0xf0, (byte) 0x9f, (byte) 0x98, (byte) 0x80};
        // é stays raw; 0xff -> one \ufffd; truncated E2 82 -> two (Go consumes one byte per error);
        // U+2028/9 escaped; an encoded surrogate (ED A0 80) is three errors; the emoji stays raw.
        assertThat(enc("stdout", in, T)).startsWith(
                "{\"log\":\"a\u00e9\\ufffd\\ufffd\\ufffdb\\u2028\\u2029\\ufffd\\ufffd\\ufffd\uD83D\uDE00\",");
    }

    @Test
    void timestampsFormatterUsesFixedNanos() {
        LogLineFormatter f = new LogLineFormatter(true);
        LogRecord r = new LogRecord(Instant.parse("2026-01-02T03:04:05.12Z"), LogStream.STDOUT, "hi\n".getBytes());
        assertThat(new String(f.format(r))).isEqualTo("2026-01-02T03:04:05.120000000Z hi\n");
        assertThat(new String(new LogLineFormatter(false).format(r))).isEqualTo("hi\n");
    }

    @Test
    void decoderRoundTrips() {
        byte[] in = {'<', (byte) 0xc3, (byte) 0xa9, '"', '\t', '\n'};
        LogRecord r = new LogRecord(T, LogStream.STDERR, in);
        byte[] bytes = JsonLogEncoder.encode(r);
        LogRecord back = JsonLogDecoder.decode(bytes, 0, bytes.length - 1);
        assertThat(back).isEqualTo(r);
        byte[] withAttrs = "{\"log\":\"a\\n\",\"stream\":\"stdout\",\"attrs\":{\"k\":\"v\"},\"time\":\"2026-01-02T03:04:05.5+01:00\"}".getBytes();
        LogRecord a = JsonLogDecoder.decode(withAttrs, 0, withAttrs.length);
        assertThat(a.time()).isEqualTo(Instant.parse("2026-01-02T02:04:05.5Z"));
        assertThat(a.text()).isEqualTo("a\n");
    }
}
