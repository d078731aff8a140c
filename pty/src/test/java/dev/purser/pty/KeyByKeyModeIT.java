package dev.purser.pty;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@link Termios#keyByKey()} on a real pty: keys as typed, but echoed and with lines ended. */
class KeyByKeyModeIT {

    private PtyPair pty;
    private int slave;

    @BeforeEach
    void open() throws IOException {
        pty = PtyPair.open();
        slave = pty.slave().fd();
        Termios.of(slave).keyByKey().applyTo(slave);
    }

    @AfterEach
    void close() throws IOException {
        pty.close();
    }

    private void type(String keys) throws IOException {
        byte[] bytes = keys.getBytes(StandardCharsets.US_ASCII);
        pty.master().write(bytes, 0, bytes.length);
    }

    @Test
    void keysArriveBeforeEnter() throws IOException {
        type("\u0010\u0011");
        assertThat(TerminalReads.readText(pty.slave(), 2)).isEqualTo("\u0010\u0011");
    }

    @Test
    void typedKeysAreEchoedAndEnterEndsTheLine() throws IOException {
        type("hi\r");
        assertThat(TerminalReads.readText(pty.slave(), 3)).isEqualTo("hi\n");
        assertThat(TerminalReads.readText(pty.master(), 4)).isEqualTo("hi\r\n");
    }

    @Test
    void outputLinesEndWithCarriageReturnNewline() throws IOException {
        byte[] line = "tick\n".getBytes(StandardCharsets.US_ASCII);
        pty.slave().write(line, 0, line.length);
        assertThat(TerminalReads.readText(pty.master(), 6)).isEqualTo("tick\r\n");
    }

    @Test
    void signalKeysLineEditingAndFlowControlAreOff() throws IOException {
        Termios now = Termios.of(slave);
        assertThat(now.canonical()).isFalse();
        assertThat(now.localFlags() & (Termios.ISIG | Termios.IEXTEN)).isZero();
        assertThat(now.inputFlags() & Termios.IXON).isZero();
        assertThat(now.echo()).isTrue();
    }
}
