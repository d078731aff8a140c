package dev.purser.engine.log;

import java.io.ByteArrayOutputStream;

/**
 * Writes bytes as a JSON string exactly as dockerd's jsonlog encoder does (a copy of Go's
 * encoding/json rules, operating on raw bytes): {@code <}, {@code >} and {@code &} become
 * {@code \u003c}-style escapes so logs can be embedded in HTML; only newline and carriage return
 * get short escapes (tab is {@code \u0009}); each byte that does not start a valid UTF-8 sequence
 * becomes {@code \ufffd}; U+2028 and U+2029 are escaped because JavaScript treats them as line ends.
 */
final class GoJsonString {
    private static final byte[] HEX = "0123456789abcdef".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private GoJsonString() {}

    static void write(ByteArrayOutputStream out, byte[] s) {
        out.write('"');
        int start = 0;
        int i = 0;
        while (i < s.length) {
            int b = s[i] & 0xff;
            if (b < 0x80) {
                if (b >= 0x20 && b != '\\' && b != '"' && b != '<' && b != '>' && b != '&') {
                    i++;
                    continue;
                }
                out.write(s, start, i - start);
                switch (b) {
                    case '\\', '"' -> {
                        out.write('\\');
                        out.write(b);
                    }
                    case '\n' -> {
                        out.write('\\');
                        out.write('n');
                    }
                    case '\r' -> {
                        out.write('\\');
                        out.write('r');
                    }
                    default -> {
                        out.write('\\');
                        out.write('u');
                        out.write('0');
                        out.write('0');
                        out.write(HEX[b >> 4]);
                        out.write(HEX[b & 0xf]);
                    }
                }
                i++;
                start = i;
                continue;
            }
            int size = Utf8Sequence.validLength(s, i);
            if (size == 0) {
                out.write(s, start, i - start);
                writeAscii(out, "\\ufffd");
                i++;
                start = i;
                continue;
            }
            // U+2028 is E2 80 A8, U+2029 is E2 80 A9.
            if (size == 3 && b == 0xe2 && (s[i + 1] & 0xff) == 0x80 && ((s[i + 2] & 0xff) == 0xa8 || (s[i + 2] & 0xff) == 0xa9)) {
                out.write(s, start, i - start);
                writeAscii(out, (s[i + 2] & 0xff) == 0xa8 ? "\\u2028" : "\\u2029");
                i += size;
                start = i;
                continue;
            }
            i += size;
        }
        out.write(s, start, s.length - start);
        out.write('"');
    }

    private static void writeAscii(ByteArrayOutputStream out, String s) {
        for (int k = 0; k < s.length(); k++) {
            out.write(s.charAt(k));
        }
    }
}
