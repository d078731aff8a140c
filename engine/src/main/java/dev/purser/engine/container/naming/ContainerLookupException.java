package dev.purser.engine.container.naming;

/**
 * What the user typed names no container, or more than one. The messages are Docker's so scripts
 * that match on them keep working; {@link #kind()} lets the API layer choose 404 or 400.
 */
public final class ContainerLookupException extends RuntimeException {
    public enum Kind {
        /** Nothing matched (HTTP 404). */
        NOT_FOUND,
        /** Several ids start with the prefix (HTTP 400, like Docker's InvalidParameter). */
        AMBIGUOUS,
        /** Empty input (HTTP 400). */
        INVALID
    }

    private final Kind kind;

    private ContainerLookupException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    public static ContainerLookupException notFound(String typed) {
        return new ContainerLookupException(Kind.NOT_FOUND, "No such container: " + typed);
    }

    static ContainerLookupException ambiguous(String typed) {
        return new ContainerLookupException(Kind.AMBIGUOUS, "multiple IDs found with provided prefix: " + typed);
    }

    static ContainerLookupException invalid(String typed) {
        // Docker formats this one with Go's %q; for the only input that reaches it ("") that is "".
        return new ContainerLookupException(Kind.INVALID, "invalid name or ID supplied: \"" + typed + "\"");
    }
}
