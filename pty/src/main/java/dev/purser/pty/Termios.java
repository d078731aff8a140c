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

    /** Local-mode bits from Linux's termbits.h. */
    public static final int ISIG = 0000001;
    public static final int ICANON = 0000002;
    public static final int ECHO = 0000010;
    public static final int IEXTEN = 0100000;
    /** Input-mode bit: translate CR to NL. */
    public static final int ICRNL = 0000400;
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
