package dev.purser.pty;

import static dev.purser.pty.TerminalReads.readText;
import static dev.purser.pty.TerminalReads.readable;
import static dev.purser.pty.TerminalReads.writeText;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PtyPairIT {

    private PtyPair pty;

    @BeforeEach
    void open() throws IOException {
        pty = PtyPair.open();
    }

    @AfterEach
    void close() throws IOException {
        pty.close();
    }

    @Test
    void slavePathIsADevPtsDevice() {
        assertThat(pty.slavePath()).matches("/dev/pts/\\d+");
    }

    @Test
    void bothEndsAreTerminals() {
        assertThat(LibC.INSTANCE.isatty(pty.master().fd())).isEqualTo(1);
        assertThat(LibC.INSTANCE.isatty(pty.slave().fd())).isEqualTo(1);
    }

    @Test
    void bothEndsAreCloseOnExec() {
        assertThat(LibC.INSTANCE.fcntl(pty.master().fd(), LibC.F_GETFD) & LibC.FD_CLOEXEC).isEqualTo(LibC.FD_CLOEXEC);
        assertThat(LibC.INSTANCE.fcntl(pty.slave().fd(), LibC.F_GETFD) & LibC.FD_CLOEXEC).isEqualTo(LibC.FD_CLOEXEC);
    }

    @Test
    void aSizeSetOnTheMasterIsSeenOnTheSlave() throws IOException {
        pty.master().resize(new WindowSize(40, 132));
        assertThat(pty.slave().windowSize()).isEqualTo(new WindowSize(40, 132));
    }

    @Test
    void sizesUseTheFullUnsignedShortRange() throws IOException {
        pty.master().resize(new WindowSize(65535, 40000));
        assertThat(pty.slave().windowSize()).isEqualTo(new WindowSize(65535, 40000));
    }

    @Test
    void aFreshPtyHasSizeZero() throws IOException {
        assertThat(pty.slave().windowSize()).isEqualTo(new WindowSize(0, 0));
    }

    @Test
    void canonicalModeHoldsInputUntilNewline() throws IOException {
        writeText(pty.master(), "abc");
        assertThat(readable(pty.slave(), 200)).isFalse();
        writeText(pty.master(), "\n");
        assertThat(readText(pty.slave(), 4)).isEqualTo("abc\n");
    }

    @Test
    void canonicalModeEchoesInputBackToTheMaster() throws IOException {
        writeText(pty.master(), "hi\n");
        // ECHO sends the keys back; ONLCR turns the echoed newline into CR LF.
        assertThat(readText(pty.master(), 4)).isEqualTo("hi\r\n");
    }

    @Test
    void canonicalModeTurnsSlaveNewlinesIntoCrLf() throws IOException {
        writeText(pty.slave(), "out\n");
        assertThat(readText(pty.master(), 5)).isEqualTo("out\r\n");
    }

    @Test
    void rawModeDeliversEachByteAtOnceWithoutEcho() throws IOException {
        try (RawMode raw = RawMode.enter(pty.slave().fd())) {
            writeText(pty.master(), "abc");
            assertThat(readText(pty.slave(), 3)).isEqualTo("abc");
            assertThat(readable(pty.master(), 200)).isFalse();
        }
    }

    @Test
    void rawModePassesControlKeysAsBytes() throws IOException {
        try (RawMode raw = RawMode.enter(pty.slave().fd())) {
            writeText(pty.master(), "\u0003\u0010\u0011\r");
            assertThat(readText(pty.slave(), 4)).isEqualTo("\u0003\u0010\u0011\r");
        }
    }

    @Test
    void rawModeLeavesSlaveOutputUntranslated() throws IOException {
        try (RawMode raw = RawMode.enter(pty.slave().fd())) {
            writeText(pty.slave(), "out\n");
            assertThat(readText(pty.master(), 4)).isEqualTo("out\n");
        }
    }

    @Test
    void theMasterReadsEndOfInputOnceTheSlaveIsClosed() throws IOException {
        pty.slave().close();
        byte[] buffer = new byte[16];
        assertThat(pty.master().read(buffer, 0, buffer.length)).isEqualTo(-1);
    }

    @Test
    void closingTwiceLeavesDescriptorsThatReusedTheNumbersAlone() throws IOException {
        int master = pty.master().fd();
        int slave = pty.slave().fd();
        pty.close();
        // the numbers taken again by files of someone else's (the kernel gives out the lowest free
        // ones, and other threads may have freed lower ones meanwhile: keep every one it gives)
        java.util.List<Integer> reused = new java.util.ArrayList<>();
        try {
            while (!(reused.contains(master) && reused.contains(slave)) && reused.size() < 1024) {
                int fd = LibC.INSTANCE.open("/dev/null", LibC.O_RDWR);
                assertThat(fd).isNotNegative();
                reused.add(fd);
            }
            assertThat(reused).contains(master, slave);
            pty.close();
            assertThat(LibC.INSTANCE.fcntl(master, LibC.F_GETFD)).isNotNegative();
            assertThat(LibC.INSTANCE.fcntl(slave, LibC.F_GETFD)).isNotNegative();
        } finally {
            reused.forEach(LibC.INSTANCE::close);
        }
    }

    @Test
    void aFailedCallNamesTheCallAndErrno() throws IOException {
        int fd = pty.slave().fd();
        pty.slave().close();
        assertThatThrownBy(() -> WindowSize.of(fd))
                .isInstanceOf(NativeCallException.class)
                .hasMessage("ioctl(" + fd + ", TIOCGWINSZ): errno 9 (Bad file descriptor)")
                .satisfies(e -> assertThat(((NativeCallException) e).errno()).isEqualTo(9));
    }

    @Test
    void streamsCarryBytesBothWays() throws IOException {
        try (RawMode raw = RawMode.enter(pty.slave().fd())) {
            pty.master().outputStream().write("ping".getBytes());
            byte[] got = pty.slave().inputStream().readNBytes(4);
            assertThat(new String(got)).isEqualTo("ping");
            pty.slave().outputStream().write("pong".getBytes());
            assertThat(new String(pty.master().inputStream().readNBytes(4))).isEqualTo("pong");
        }
    }
}
