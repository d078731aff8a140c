package dev.purser.pty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RawModeIT {

    private PtyPair pty;
    private int slave;

    @BeforeEach
    void open() throws IOException {
        pty = PtyPair.open();
        slave = pty.slave().fd();
    }

    @AfterEach
    void close() throws IOException {
        pty.close();
    }

    @Test
    void aNewPtyStartsCanonicalWithEcho() throws IOException {
        Termios termios = Termios.of(slave);
        assertThat(termios.echo()).isTrue();
        assertThat(termios.canonical()).isTrue();
    }

    @Test
    void rawModeTurnsOffEchoAndCanonicalInput() throws IOException {
        try (RawMode raw = RawMode.enter(slave)) {
            Termios now = Termios.of(slave);
            assertThat(now.echo()).isFalse();
            assertThat(now.canonical()).isFalse();
        }
    }

    @Test
    void rawModeTurnsOffSignalKeysAndOutputProcessing() throws IOException {
        try (RawMode raw = RawMode.enter(slave)) {
            Termios now = Termios.of(slave);
            assertThat(now.localFlags() & (Termios.ISIG | Termios.IEXTEN)).isZero();
            assertThat(now.inputFlags() & Termios.ICRNL).isZero();
            assertThat(now.outputFlags() & Termios.OPOST).isZero();
        }
    }

    @Test
    void closeRestoresTheExactPreviousSettings() throws IOException {
        Termios before = Termios.of(slave);
        RawMode.enter(slave).close();
        assertThat(Termios.of(slave)).isEqualTo(before);
    }

    @Test
    void closeRestoresCustomSettingsNotJustDefaults() throws IOException {
        // Start from a terminal that is already unusual (echo off) and check that is what comes back.
        Termios custom = Termios.of(slave).raw();
        custom.applyTo(slave);
        RawMode.enter(slave).close();
        assertThat(Termios.of(slave)).isEqualTo(custom);
    }

    @Test
    void savedIsWhatWasThereBefore() throws IOException {
        Termios before = Termios.of(slave);
        try (RawMode raw = RawMode.enter(slave)) {
            assertThat(raw.saved()).isEqualTo(before);
        }
    }

    @Test
    void closingTwiceRestoresOnce() throws IOException {
        RawMode raw = RawMode.enter(slave);
        raw.close();
        Termios restored = Termios.of(slave);
        Termios.of(slave).raw().applyTo(slave);
        raw.close();
        assertThat(Termios.of(slave)).isNotEqualTo(restored);
    }

    @Test
    void enteringOnANonTerminalFailsNamingTheCall() throws IOException {
        int[] pipe = new int[2];
        LibC.INSTANCE.pipe2(pipe, LibC.O_CLOEXEC);
        try {
            assertThatThrownBy(() -> RawMode.enter(pipe[0]))
                    .isInstanceOf(NativeCallException.class)
                    .hasMessageStartingWith("tcgetattr(" + pipe[0] + "): errno 25");
        } finally {
            LibC.INSTANCE.close(pipe[0]);
            LibC.INSTANCE.close(pipe[1]);
        }
    }
}
