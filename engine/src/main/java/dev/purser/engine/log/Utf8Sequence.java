package dev.purser.engine.log;

/**
 * Go's utf8.DecodeRune validity rules, which decide how many {@code \ufffd} Docker writes: a
 * sequence is rejected as a whole (and only its first byte consumed) when it is truncated,
 * overlong, a surrogate, or above U+10FFFF.
 */
final class Utf8Sequence {
    private Utf8Sequence() {}

    /** Length (2..4) of the valid multi-byte sequence starting at {@code i}, or 0 if invalid. */
    static int validLength(byte[] s, int i) {
        int b0 = s[i] & 0xff;
        int size;
        int lo = 0x80;
        int hi = 0xbf;
        if (b0 >= 0xc2 && b0 <= 0xdf) {
            size = 2;
        } else if (b0 >= 0xe0 && b0 <= 0xef) {
            size = 3;
            if (b0 == 0xe0) {
                lo = 0xa0; // overlong
            } else if (b0 == 0xed) {
                hi = 0x9f; // surrogates
            }
        } else if (b0 >= 0xf0 && b0 <= 0xf4) {
            size = 4;
            if (b0 == 0xf0) {
                lo = 0x90; // overlong
            } else if (b0 == 0xf4) {
                hi = 0x8f; // above U+10FFFF
            }
        } else {
            return 0;
        }
        if (i + size > s.length) {
            return 0;
        }
        int b1 = s[i + 1] & 0xff;
        if (b1 < lo || b1 > hi) {
            return 0;
        }
        for (int k = 2; k < size; k++) {
            int b = s[i + k] & 0xff;
            if (b < 0x80 || b > 0xbf) {
                return 0;
            }
        }
        return size;
    }
}
