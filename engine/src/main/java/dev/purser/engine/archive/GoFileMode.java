package dev.purser.engine.archive;

/**
 * Go's {@code os.FileMode}, as Docker puts it in a path stat: the permission bits, and the
 * type and special bits at the top of the 32 bits instead of Unix's {@code S_IF*} values.
 */
public final class GoFileMode {
    public static final long DIR = 1L << 31;
    public static final long SYMLINK = 1L << 27;
    static final long DEVICE = 1L << 26;
    static final long NAMED_PIPE = 1L << 25;
    static final long SOCKET = 1L << 24;
    static final long SETUID = 1L << 23;
    static final long SETGID = 1L << 22;
    static final long CHAR_DEVICE = 1L << 21;
    static final long STICKY = 1L << 20;

    private GoFileMode() {}

    /** Go's FileMode for a Unix {@code st_mode}. */
    public static long of(int stMode) {
        long mode = stMode & 0777;
        switch (stMode & 0170000) {
            case 0040000 -> mode |= DIR;
            case 0120000 -> mode |= SYMLINK;
            case 0060000 -> mode |= DEVICE;
            case 0020000 -> mode |= DEVICE | CHAR_DEVICE;
            case 0010000 -> mode |= NAMED_PIPE;
            case 0140000 -> mode |= SOCKET;
            default -> { }
        }
        if ((stMode & 04000) != 0) {
            mode |= SETUID;
        }
        if ((stMode & 02000) != 0) {
            mode |= SETGID;
        }
        if ((stMode & 01000) != 0) {
            mode |= STICKY;
        }
        return mode;
    }
}
