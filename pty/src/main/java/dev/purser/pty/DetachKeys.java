package dev.purser.pty;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/**
 * The key sequence that detaches a client from a container's terminal, parsed from Docker's
 * {@code --detach-keys} syntax.
 *
 * <p>The syntax is moby/term's {@code ToBytes}: a comma-separated list where each item is either
 * exactly one byte ({@code a}, {@code +}, a space), {@code ctrl-@}, {@code ctrl-a} .. {@code ctrl-z},
 * {@code ctrl-[}, {@code ctrl-\}, {@code ctrl-]}, {@code ctrl-^}, {@code ctrl-_} (codes 0..31), or
 * {@code DEL} (127). Matching is case-sensitive and nothing is trimmed, as in Docker, so
 * {@code "ctrl-p, ctrl-q"} is rejected for its leading space.
 */
public final class DetachKeys {

    // Index = control code: "ctrl-@" is 0, "ctrl-a" is 1 ... "ctrl-_" is 31, the order of moby's ASCII table.
    private static final List<String> CONTROL_NAMES = List.of(
            "ctrl-@", "ctrl-a", "ctrl-b", "ctrl-c", "ctrl-d", "ctrl-e", "ctrl-f", "ctrl-g",
            "ctrl-h", "ctrl-i", "ctrl-j", "ctrl-k", "ctrl-l", "ctrl-m", "ctrl-n", "ctrl-o",
            "ctrl-p", "ctrl-q", "ctrl-r", "ctrl-s", "ctrl-t", "ctrl-u", "ctrl-v", "ctrl-w",
            "ctrl-x", "ctrl-y", "ctrl-z", "ctrl-[", "ctrl-\\", "ctrl-]", "ctrl-^", "ctrl-_");

    // Declared after CONTROL_NAMES, which parsing it needs.
    /** Docker's default, {@code ctrl-p,ctrl-q}. */
    public static final DetachKeys DEFAULT = parse("ctrl-p,ctrl-q");


    private final String spec;
    private final byte[] sequence;

    private DetachKeys(String spec, byte[] sequence) {
        this.spec = spec;
        this.sequence = sequence;
    }

    /**
     * Parses a {@code --detach-keys} value exactly as moby/term's {@code ToBytes} does.
     *
     * @throws IllegalArgumentException with moby's message, e.g. {@code Unknown character: 'ctrl-xyz'};
     *     the empty string is rejected too ({@code Unknown character: ''}) because Docker rejects it
     *     there; callers that treat "unset" as the default use {@link #fromOption}.
     */
    public static DetachKeys parse(String spec) {
        // Go's strings.Split keeps empty items ("a,,b" has three), and so does split(",", -1).
        String[] items = spec.split(",", -1);
        byte[] codes = new byte[items.length];
        for (int i = 0; i < items.length; i++) {
            codes[i] = code(items[i]);
        }
        return new DetachKeys(spec, codes);
    }

    /**
     * The detach keys for an optional flag or API parameter: null or empty means Docker's default,
     * as in moby's attach endpoint and docker/cli.
     */
    public static DetachKeys fromOption(String specOrNull) {
        return specOrNull == null || specOrNull.isEmpty() ? DEFAULT : parse(specOrNull);
    }

    private static byte code(String key) {
        // Go measures len(key) in bytes: a single non-ASCII character is several bytes and so is
        // not "one character" there; it falls through to the name lookup and is rejected.
        byte[] utf8 = key.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        if (utf8.length == 1) {
            return utf8[0];
        }
        int control = CONTROL_NAMES.indexOf(key);
        if (control >= 0) {
            return (byte) control;
        }
        if (key.equals("DEL")) {
            return 127;
        }
        // The capitalised text is what released moby/term (v0.5.x) and so the docker CLI print.
        throw new IllegalArgumentException("Unknown character: '" + key + "'");
    }

    /** The bytes a terminal sends for this sequence, in order (a fresh copy). */
    public byte[] bytes() {
        return sequence.clone();
    }

    /** The number of bytes in the sequence. */
    public int length() {
        return sequence.length;
    }

    byte at(int index) {
        return sequence[index];
    }

    /** The text this was parsed from. */
    public String spec() {
        return spec;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof DetachKeys keys && Arrays.equals(sequence, keys.sequence);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(sequence);
    }

    @Override
    public String toString() {
        return "DetachKeys[" + spec + " = " + HexFormat.ofDelimiter(" ").formatHex(sequence) + "]";
    }
}
