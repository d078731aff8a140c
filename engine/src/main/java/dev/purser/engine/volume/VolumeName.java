package dev.purser.engine.volume;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.regex.Pattern;

/** Docker's rules for local volume names, its messages, and the names of anonymous volumes. */
public final class VolumeName {
    /** moby's RestrictedNamePattern. */
    private static final Pattern VALID = Pattern.compile("[a-zA-Z0-9][a-zA-Z0-9_.-]+");
    private static final SecureRandom RANDOM = new SecureRandom();

    private VolumeName() {}

    /** The name, or an IllegalArgumentException with Docker's message for the create it would be. */
    public static String check(String name) {
        if (name.length() == 1) {
            throw new IllegalArgumentException("create " + name
                    + ": volume name is too short, names should be at least two alphanumeric characters");
        }
        if (!VALID.matcher(name).matches()) {
            throw new IllegalArgumentException("create " + name + ": \"" + name + "\" includes invalid characters"
                    + " for a local volume name, only \"[a-zA-Z0-9][a-zA-Z0-9_.-]\" are allowed."
                    + " If you intended to pass a host directory, use absolute path");
        }
        return name;
    }

    /** 64 random hex digits, as Docker names an anonymous volume. */
    public static String anonymous() {
        byte[] b = new byte[32];
        RANDOM.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }
}
