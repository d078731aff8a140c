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
        super(message(step, errno, detail));
        this.step = step;
        this.errno = errno;
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
