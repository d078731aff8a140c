package dev.purser.engine.container.naming;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Objects;
import java.util.regex.Pattern;

/** A container's id: 64 lowercase hex digits, shown truncated to 12 by most commands. */
public record ContainerId(String value) {
    public static final int LENGTH = 64;
    public static final int SHORT_LENGTH = 12;
    private static final Pattern HEX64 = Pattern.compile("[0-9a-f]{64}");
    private static final SecureRandom RANDOM = new SecureRandom();

    public ContainerId {
        Objects.requireNonNull(value, "value");
        if (!HEX64.matcher(value).matches()) {
            throw new IllegalArgumentException("not a container id (64 lowercase hex digits): " + value);
        }
    }

    /**
     * A fresh random id. Like moby's stringid, an id whose short form is all digits is drawn again:
     * a numeric short id could be mistaken for a number by the CLI and by users.
     */
    public static ContainerId generate() {
        byte[] bytes = new byte[LENGTH / 2];
        while (true) {
            RANDOM.nextBytes(bytes);
            String hex = HexFormat.of().formatHex(bytes);
            if (!allDigits(hex.substring(0, SHORT_LENGTH))) {
                return new ContainerId(hex);
            }
        }
    }

    /** The 12-character form {@code docker ps} shows. ({@code short} itself is a Java keyword.) */
    public String shortId() {
        return value.substring(0, SHORT_LENGTH);
    }

    static boolean allDigits(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return value;
    }
}
