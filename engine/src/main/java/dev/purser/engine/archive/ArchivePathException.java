package dev.purser.engine.archive;

/** A path of a copy that cannot be served, with Docker's message; {@link #notFound()} says 404 over 400. */
public final class ArchivePathException extends RuntimeException {
    private final boolean notFound;

    private ArchivePathException(String message, boolean notFound) {
        super(message);
        this.notFound = notFound;
    }

    static ArchivePathException notFound(String path, String container) {
        return new ArchivePathException("Could not find the file " + path + " in container " + container, true);
    }

    static ArchivePathException invalid(String message) {
        return new ArchivePathException(message, false);
    }

    public boolean notFound() {
        return notFound;
    }
}
