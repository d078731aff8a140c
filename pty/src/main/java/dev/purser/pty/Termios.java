package dev.purser.pty;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * A snapshot of a terminal's line-discipline settings (struct termios), kept as the exact bytes
 * tcgetattr returned so that restoring puts back precisely what was there, fields we do not
 * decode included.
 */
public final class Termios {

    // glibc's struct termios on Linux is 60 bytes (4 flag words, c_line, c_cc[32], two speeds);
    // the spare room guards against a layout we have not seen.
    private static final int SIZE = 128;
    private static final int IFLAG = 0;
    private static final int OFLAG = 4;
    private static final int LFLAG = 12;
    /** c_cc starts after the four flag words and c_line; VTIME and VMIN are its 5th and 6th slots. */
    private static final int CC = 17;
    private static final int VTIME = 5;
    private static final int VMIN = 6;
    /** More c_cc slots (Linux's termbits.h): the quit, suspend and extra end-of-line keys. */
    private static final int VQUIT = 1;
    private static final int VSUSP = 10;
    private static final int VEOL = 11;
    /** _POSIX_VDISABLE on Linux: a c_cc slot holding it has no key. */
    private static final byte DISABLED = 0;

    /** Local-mode bits from Linux's termbits.h. */
    public static final int ISIG = 0000001;
    public static final int ICANON = 0000002;
    public static final int ECHO = 0000010;
    public static final int IEXTEN = 0100000;
    /** Input-mode bit: translate CR to NL. */
    public static final int ICRNL = 0000400;
    /** Input-mode bit: XON/XOFF flow control (Ctrl-S / Ctrl-Q taken by the terminal). */
    public static final int IXON = 0002000;
    /** Output-mode bit: post-process output (e.g. NL to CR NL). */
    public static final int OPOST = 0000001;

    private final byte[] bytes;

    private Termios(byte[] bytes) {
        this.bytes = bytes;
    }

    /** The settings of the terminal open on {@code fd} (tcgetattr). */
    public static Termios of(int fd) throws NativeCallException {
        byte[] bytes = new byte[SIZE];
        if (LibC.INSTANCE.tcgetattr(fd, bytes) != 0) {
            throw NativeCallException.last("tcgetattr(" + fd + ")");
        }
        return new Termios(bytes);
    }

    /** Applies these settings to the terminal on {@code fd} now (tcsetattr TCSANOW). */
    public void applyTo(int fd) throws NativeCallException {
        if (LibC.INSTANCE.tcsetattr(fd, LibC.TCSANOW, bytes) != 0) {
            throw NativeCallException.last("tcsetattr(" + fd + ")");
        }
    }

    /**
     * These settings made raw by libc's cfmakeraw: no echo, no line editing, no signals from
     * keys, no CR/NL translation, 8-bit characters, reads return after one byte.
     */
    public Termios raw() {
        byte[] copy = bytes.clone();
        LibC.INSTANCE.cfmakeraw(copy);
        return new Termios(copy);
    }

    /**
     * These settings as a terminal's own line discipline, as docker attach leaves a terminal for a
     * container without one: lines are edited here and handed over at Enter, after their echo;
     * Ctrl-C is SIGINT to this process and Ctrl-D on an empty line the end of input. Besides:
     * no flow control (so Ctrl-Q arrives), no quit or suspend keys (a JVM keeps SIGQUIT for
     * itself, and a stopped JVM would hold the terminal), and {@code lineEnd} (when not 0) also
     * ends a line, so a key sequence ending with it is seen without Enter. Echo and CR/NL
     * handling stay as they were.
     */
    public Termios lineByLine(int lineEnd) {
        byte[] copy = bytes.clone();
        ByteBuffer buffer = ByteBuffer.wrap(copy).order(ByteOrder.nativeOrder());
        buffer.putInt(IFLAG, buffer.getInt(IFLAG) & ~IXON);
        buffer.putInt(LFLAG, buffer.getInt(LFLAG) | ICANON | ISIG);
        copy[CC + VQUIT] = DISABLED;
        copy[CC + VSUSP] = DISABLED;
        copy[CC + VEOL] = (byte) lineEnd;
        return new Termios(copy);
    }

    public boolean signalKeys() {
        return (localFlags() & ISIG) != 0;
    }

    public int inputFlags() {
        return word(IFLAG);
    }

    public int outputFlags() {
        return word(OFLAG);
    }

    public int localFlags() {
        return word(LFLAG);
    }

    public boolean echo() {
        return (localFlags() & ECHO) != 0;
    }

    public boolean canonical() {
        return (localFlags() & ICANON) != 0;
    }

    private int word(int offset) {
        return ByteBuffer.wrap(bytes).order(ByteOrder.nativeOrder()).getInt(offset);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Termios termios && Arrays.equals(bytes, termios.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return String.format("Termios[iflag=%o oflag=%o lflag=%o]", inputFlags(), outputFlags(), localFlags());
    }
}
