package dev.purser.engine.log;

/**
 * When a container's log file is rotated: once it holds {@code maxSize} bytes (-1: never, Docker's
 * default) a new file is started, and at most {@code maxFiles} files are kept in all.
 */
public record RotationPolicy(long maxSize, int maxFiles) {
    public static final long UNLIMITED = -1;

    public RotationPolicy {
        if (maxSize != UNLIMITED && maxSize <= 0) {
            throw new IllegalArgumentException("max-size must be a positive number");
        }
        if (maxFiles < 1) {
            throw new IllegalArgumentException("max-file cannot be less than 1");
        }
    }

    /** Docker's default: one file that grows forever. */
    public static RotationPolicy none() {
        return new RotationPolicy(UNLIMITED, 1);
    }

    /**
     * From {@code --log-opt max-size} / {@code max-file} values, either of which may be null
     * (absent), with Docker's validation messages.
     */
    public static RotationPolicy fromLogOpts(String maxSize, String maxFile) {
        long size = maxSize == null ? UNLIMITED : ByteSize.parse(maxSize);
        if (maxSize != null && size <= 0) {
            throw new IllegalArgumentException("max-size must be a positive number");
        }
        int files = 1;
        if (maxFile != null) {
            try {
                files = Integer.parseInt(maxFile);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("strconv.Atoi: parsing \"" + maxFile + "\": invalid syntax", e);
            }
        }
        return new RotationPolicy(size, files);
    }

    public boolean rotates() {
        return maxSize != UNLIMITED;
    }
}
