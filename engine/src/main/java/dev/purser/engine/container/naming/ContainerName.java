package dev.purser.engine.container.naming;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A container name in Docker's stored form, with the leading slash ({@code /web}); users type it
 * with or without the slash, and {@link #display()} gives it back without.
 */
public record ContainerName(String value) {
    /** Docker's RestrictedNameChars, quoted verbatim in its error message. */
    public static final String ALLOWED_CHARS = "[a-zA-Z0-9][a-zA-Z0-9_.-]";
    private static final Pattern VALID = Pattern.compile("^" + ALLOWED_CHARS + "+$");

    public ContainerName {
        Objects.requireNonNull(value, "value");
        if (!value.startsWith("/") || !VALID.matcher(value.substring(1)).matches()) {
            throw new InvalidContainerNameException(value);
        }
    }

    /**
     * Checks a name as the user typed it and returns its stored form.
     *
     * @throws InvalidContainerNameException with Docker's message, quoting the name as typed
     */
    public static ContainerName of(String typed) {
        Objects.requireNonNull(typed, "typed");
        String bare = typed.startsWith("/") ? typed.substring(1) : typed;
        if (!VALID.matcher(bare).matches()) {
            throw new InvalidContainerNameException(typed);
        }
        return new ContainerName("/" + bare);
    }

    public static boolean isValid(String typed) {
        String bare = typed.startsWith("/") ? typed.substring(1) : typed;
        return VALID.matcher(bare).matches();
    }

    /** The name without its slash, as {@code docker ps} prints it. */
    public String display() {
        return value.substring(1);
    }

    @Override
    public String toString() {
        return value;
    }
}
