package dev.purser.pty;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@link Termios#lineByLine(int)} on a real pty: lines handed over at Enter after their echo, Ctrl-D as end of input. */
class LineByLineModeIT {
    private static final int CTRL_Q = 0x11;

    private PtyPair pty;
    private int slave;

    @BeforeEach
    void open() throws IOException {
        pty = PtyPair.open();
        slave = pty.slave().fd();
        Termios.of(slave).lineByLine(CTRL_Q).applyTo(slave);
    }

    @AfterEach
    void close() throws IOException {
        pty.close();
    }

    private void type(String keys) throws IOException {
        byte[] bytes = keys.getBytes(StandardCharsets.US_ASCII);
        pty.master().write(bytes, 0, bytes.length);
    }

    /** The first read once there is input: in this mode one read is one line. */
    private static String firstRead(TerminalFd fd) throws IOException {
        assertThat(TerminalReads.readable(fd, 5000)).as("input within 5 s").isTrue();
        byte[] buffer = new byte[256];
        int n = fd.read(buffer, 0, buffer.length);
        return n < 0 ? "" : new String(buffer, 0, n, StandardCharsets.US_ASCII);
    }

    /** Everything readable now, without waiting. */
    private static String readableNow(TerminalFd fd) throws IOException {
        StringBuilder out = new StringBuilder();
        byte[] buffer = new byte[256];
        while (TerminalReads.readable(fd, 0)) {
            int n = fd.read(buffer, 0, buffer.length);
            if (n < 0) break;
            out.append(new String(buffer, 0, n, StandardCharsets.US_ASCII));
        }
        return out.toString();
    }

    @Test
    void aLineIsHandedOverWholeAtEnter() throws IOException {
        type("he");
        type("llo\r");
        assertThat(firstRead(pty.slave())).isEqualTo("hello\n");
    }

    @Test
    void theLineIsEchoedWithItsNewlineBeforeItIsHandedOver() throws IOException {
        type("hi\r");
        assertThat(firstRead(pty.slave())).isEqualTo("hi\n");
        // the reader has the line, so its echo is on the terminal already, newline included
        assertThat(readableNow(pty.master())).isEqualTo("hi\r\n");
    }

    @Test
    void erasingWorksBeforeEnter() throws IOException {
        type("cax\u007ft\r");
        assertThat(TerminalReads.readText(pty.slave(), 4)).isEqualTo("cat\n");
    }

    @Test
    void theLineEndKeyHandsTheLineOverWithoutEnter() throws IOException {
        type("\u0010\u0011");
        assertThat(TerminalReads.readText(pty.slave(), 2)).isEqualTo("\u0010\u0011");
    }

    @Test
    void ctrlDOnAnEmptyLineIsTheEndOfInput() throws IOException {
        type("\u0004");
        byte[] buffer = new byte[8];
        assertThat(pty.slave().read(buffer, 0, buffer.length)).isEqualTo(-1);
    }

    @Test
    void quitAndSuspendKeysAreBytesOfTheLine() throws IOException {
        type("\u001c\u001a\r");
        assertThat(TerminalReads.readText(pty.slave(), 3)).isEqualTo("\u001c\u001a\n");
    }

    @Test
    void ctrlCIsASignalKeyAndFlowControlIsOff() throws IOException {
        Termios now = Termios.of(slave);
        assertThat(now.canonical()).isTrue();
        assertThat(now.signalKeys()).isTrue();
        assertThat(now.inputFlags() & Termios.IXON).isZero();
    }
}
