package dev.purser.tui.dashboard;

/** What went wrong, in words a person can act on. */
final class PlainWords {
    private PlainWords() {}

    /** An exception in plain words: the daemon's message, without class names. */
    static String plain(Throwable t) {
        Throwable cause = t;
        while (cause.getCause() != null && (cause.getMessage() == null || cause instanceof RuntimeException && cause.getClass() == RuntimeException.class)) {
            cause = cause.getCause();
        }
        String m = cause.getMessage();
        return m == null || m.isBlank() ? cause.getClass().getSimpleName() : m.strip();
    }
}
