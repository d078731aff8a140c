package dev.purser.engine.runtime;

/**
 * The native stage could not get the command running: which step failed, and its errno.
 * {@link #exitCode()} follows Docker: 127 when the command does not exist, 126 when it cannot
 * be invoked, 125 for anything else.
 */
public final class StageFailure extends RuntimeException {
    private final String step;
    private final int errno;

    public StageFailure(String step, int errno, String detail) {
        this(step, errno, detail, message(step, errno, detail));
    }

    private StageFailure(String step, int errno, String detail, String message) {
        super(message);
        this.step = step;
        this.errno = errno;
    }

    /** The same failure with {@code path} (a directory of the state root) in its message replaced by {@code shownAs}. */
    public StageFailure hidingPath(String path, String shownAs) {
        return new StageFailure(step, errno, "", getMessage().replace(path, shownAs));
    }

    private static String message(String step, int errno, String detail) {
        if ("exec".equals(step) && errno == 2) {
            return "exec: \"" + detail + "\": executable file not found in $PATH";
        }
        if ("exec".equals(step) && errno == 13) {
            return "exec: \"" + detail + "\": permission denied";
        }
        return step + ": " + (detail.isEmpty() ? "" : detail + ": ") + LinuxException.describe(errno);
    }

    public String step() {
        return step;
    }

    public int errno() {
        return errno;
    }

    public int exitCode() {
        if ("exec".equals(step)) {
            if (errno == 2 || errno == 20) {
                return 127;
            }
            if (errno == 13 || errno == 8 || errno == 21) {
                return 126;
            }
        }
        return 125;
    }
}
