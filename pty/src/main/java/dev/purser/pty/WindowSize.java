package dev.purser.pty;

/**
 * A terminal's size in character cells, as the kernel keeps it for a TTY (struct winsize).
 *
 * @param rows lines, 0..65535 (0 means unknown, as a fresh PTY reports)
 * @param cols columns, 0..65535
 */
public record WindowSize(int rows, int cols) {

    public WindowSize {
        if (rows < 0 || rows > 0xffff || cols < 0 || cols > 0xffff) {
            throw new IllegalArgumentException("window size out of range (0..65535): " + rows + "x" + cols);
        }
    }

    /** The size of the terminal open on {@code fd} (ioctl TIOCGWINSZ). */
    public static WindowSize of(int fd) throws NativeCallException {
        // struct winsize: ws_row, ws_col, ws_xpixel, ws_ypixel, all unsigned short.
        short[] winsize = new short[4];
        if (LibC.INSTANCE.ioctl(fd, LibC.TIOCGWINSZ, winsize) != 0) {
            throw NativeCallException.last("ioctl(" + fd + ", TIOCGWINSZ)");
        }
        return new WindowSize(Short.toUnsignedInt(winsize[0]), Short.toUnsignedInt(winsize[1]));
    }

    /**
     * Sets this size on the terminal open on {@code fd} (ioctl TIOCSWINSZ). On a PTY master the
     * kernel then signals SIGWINCH to the slave's foreground process group, which is how a
     * container's shell learns of a resize. Pixel sizes are set to 0, as Docker does.
     */
    public void applyTo(int fd) throws NativeCallException {
        short[] winsize = {(short) rows, (short) cols, 0, 0};
        if (LibC.INSTANCE.ioctl(fd, LibC.TIOCSWINSZ, winsize) != 0) {
            throw NativeCallException.last("ioctl(" + fd + ", TIOCSWINSZ)");
        }
    }
}
