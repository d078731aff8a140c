package dev.purser.pty;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/** Test reads from a terminal descriptor that never hang: they wait in poll(2) with a deadline. */
final class TerminalReads {

    private static final int PATIENCE_MILLIS = 5000;

    private TerminalReads() {}

    /** Whether {@code fd} has input within {@code millis}. */
    static boolean readable(TerminalFd fd, int millis) throws IOException {
        ByteBuffer pollfd = ByteBuffer.allocate(8).order(ByteOrder.nativeOrder());
        pollfd.putInt(0, fd.fd()).putShort(4, (short) LibC.POLLIN);
        byte[] raw = pollfd.array();
        int ready = LibC.INSTANCE.poll(raw, 1, millis);
        if (ready < 0) {
            throw NativeCallException.last("poll");
        }
        return ready > 0;
    }

    /** Reads until {@code expected} bytes have arrived (or the patience runs out), as text. */
    static String readText(TerminalFd fd, int expected) throws IOException {
        ByteArrayOutputStream got = new ByteArrayOutputStream();
        byte[] buffer = new byte[256];
        long deadline = System.currentTimeMillis() + PATIENCE_MILLIS;
        while (got.size() < expected && System.currentTimeMillis() < deadline) {
            if (readable(fd, 100)) {
                int n = fd.read(buffer, 0, buffer.length);
                if (n < 0) {
                    break;
                }
                got.write(buffer, 0, n);
            }
        }
        return got.toString(StandardCharsets.ISO_8859_1);
    }

    static void writeText(TerminalFd fd, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1);
        fd.write(bytes, 0, bytes.length);
    }
}
