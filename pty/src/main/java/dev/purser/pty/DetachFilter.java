package dev.purser.pty;

import java.io.ByteArrayOutputStream;

/**
 * Scans terminal input for the detach sequence, chunk by chunk as reads arrive.
 *
 * <p>Everything that is not the sequence passes through. A partial match is held back, because the
 * next read may complete it; when the match breaks, the held bytes are released unchanged, so
 * Ctrl-P followed by any other key reaches the container as Ctrl-P and that key.
 *
 * <p>The behaviour is moby/term's {@code escapeProxy}, including its edges:
 * <ul>
 *   <li>bytes before the sequence in the same chunk are delivered; the sequence itself and every
 *       byte after it in that chunk are dropped (moby returns the escape error and stops reading);
 *   <li>the byte that breaks a partial match is delivered without being tried as the start of a new
 *       match: with {@code ctrl-p,ctrl-q}, the input Ctrl-P Ctrl-P Ctrl-Q does <em>not</em> detach;
 *   <li>a partial match still held when the input ends is never delivered (see {@link #held()}).
 * </ul>
 * The output depends only on the bytes, never on how they were split into chunks.
 *
 * <p>Not thread-safe: one filter belongs to one input stream's reader.
 */
public final class DetachFilter {

    /**
     * What one chunk produced.
     *
     * @param deliver the bytes to forward now (possibly empty)
     * @param detached whether the full sequence has been seen; nothing is delivered after it
     */
    public record Filtered(byte[] deliver, boolean detached) {}

    private static final byte[] NOTHING = new byte[0];

    private final DetachKeys keys;
    private int matched;
    private boolean detached;

    public DetachFilter(DetachKeys keys) {
        this.keys = keys;
    }

    public Filtered filter(byte[] chunk) {
        return filter(chunk, 0, chunk.length);
    }

    public Filtered filter(byte[] chunk, int offset, int length) {
        if (detached) {
            return new Filtered(NOTHING, true);
        }
        ByteArrayOutputStream deliver = new ByteArrayOutputStream(length + matched);
        int start = offset; // first byte of this chunk not yet delivered or held
        int end = offset + length;
        for (int i = offset; i < end; i++) {
            byte b = chunk[i];
            if (b == keys.at(matched)) {
                if (matched == 0) {
                    deliver.write(chunk, start, i - start);
                }
                matched++;
                start = i + 1;
                if (matched == keys.length()) {
                    detached = true;
                    return new Filtered(deliver.toByteArray(), true);
                }
            } else if (matched > 0) {
                // The match broke: release what was held, then this byte, untested (moby's rule).
                deliver.write(keys.bytes(), 0, matched);
                matched = 0;
                start = i;
            }
        }
        if (matched == 0) {
            deliver.write(chunk, start, end - start);
        }
        return new Filtered(deliver.toByteArray(), false);
    }

    /** Whether the full sequence has been seen. */
    public boolean detached() {
        return detached;
    }

    /**
     * The partial match held back right now. Moby drops it when the input ends; a caller that
     * prefers to deliver it at end of input can take it from here.
     */
    public byte[] held() {
        byte[] sequence = keys.bytes();
        return java.util.Arrays.copyOf(sequence, detached ? 0 : matched);
    }
}
