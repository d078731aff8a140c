package dev.purser.engine.testing;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Reads what a raw-socket client receives from Docker's API: an HTTP response with a chunked
 * body carrying a multiplexed stream. Every method takes what arrived so far and ignores an
 * incomplete tail, so a test can look at a stream that is still going.
 */
public final class DockerStreams {
    private DockerStreams() {}

    /** The body after the headers, de-chunked as far as whole chunks have arrived. */
    public static byte[] chunkedBody(byte[] response) {
        String text = new String(response, StandardCharsets.ISO_8859_1);
        int start = text.indexOf("\r\n\r\n");
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        if (start < 0) {
            return body.toByteArray();
        }
        int at = start + 4;
        while (true) {
            int eol = text.indexOf("\r\n", at);
            if (eol < 0) {
                return body.toByteArray();
            }
            int size = Integer.parseInt(text.substring(at, eol), 16);
            if (size == 0 || eol + 2 + size > text.length()) {
                return body.toByteArray();
            }
            body.write(response, eol + 2, size);
            at = eol + 2 + size + 2;
        }
    }

    /** The payloads of a multiplexed stream's whole frames, as "stream-id:text" pieces joined (1 stdout, 2 stderr). */
    public static String frames(byte[] stream) {
        StringBuilder out = new StringBuilder();
        for (int at = 0; at + 8 <= stream.length; ) {
            int length = ((stream[at + 4] & 0xff) << 24) | ((stream[at + 5] & 0xff) << 16) | ((stream[at + 6] & 0xff) << 8)
                    | (stream[at + 7] & 0xff);
            if (at + 8 + length > stream.length) {
                break;
            }
            out.append(stream[at]).append(':').append(new String(stream, at + 8, length, StandardCharsets.UTF_8));
            at += 8 + length;
        }
        return out.toString();
    }

    /** The stdout payloads of a multiplexed stream's whole frames. */
    public static String stdout(byte[] stream) {
        StringBuilder out = new StringBuilder();
        for (int at = 0; at + 8 <= stream.length; ) {
            int length = ((stream[at + 4] & 0xff) << 24) | ((stream[at + 5] & 0xff) << 16) | ((stream[at + 6] & 0xff) << 8)
                    | (stream[at + 7] & 0xff);
            if (at + 8 + length > stream.length) {
                break;
            }
            if (stream[at] == 1) {
                out.append(new String(stream, at + 8, length, StandardCharsets.UTF_8));
            }
            at += 8 + length;
        }
        return out.toString();
    }
}
