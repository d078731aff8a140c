package dev.purser.pty;

import static dev.purser.pty.TerminalReads.readText;
import static dev.purser.pty.TerminalReads.writeText;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two PTYs stand in for the two sides: "local" is the user's terminal (the test types on its
 * master, the relay reads its slave), "remote" is the daemon connection (the relay talks to its
 * master, the test plays the container on its slave).
 */
class TerminalRelayIT {

    private PtyPair local;
    private PtyPair remote;
    private RawMode localRaw;
    private RawMode remoteRaw;
    private TerminalRelay relay;

    @BeforeEach
    void open() throws IOException {
        local = PtyPair.open();
        remote = PtyPair.open();
        localRaw = RawMode.enter(local.slave().fd());
        remoteRaw = RawMode.enter(remote.slave().fd());
    }

    @AfterEach
    void close() throws IOException {
        if (relay != null) {
            relay.close();
        }
        localRaw.close();
        remoteRaw.close();
        local.close();
        remote.close();
    }

    private TerminalRelay start(RelayOptions options) throws IOException {
        relay = TerminalRelay.start(
                StoppableInput.of(local.slave().fd()), local.slave().outputStream(),
                StoppableInput.of(remote.master().fd()), remote.master().outputStream(),
                options);
        return relay;
    }

    @Test
    void keysTypedLocallyReachTheRemoteUnchanged() throws IOException {
        start(RelayOptions.plain());
        writeText(local.master(), "ls -l\r\u0003");
        assertThat(readText(remote.slave(), 7)).isEqualTo("ls -l\r\u0003");
    }

    @Test
    void remoteOutputReachesTheLocalTerminal() throws IOException {
        start(RelayOptions.plain());
        writeText(remote.slave(), "total 0\r\n");
        assertThat(readText(local.master(), 9)).isEqualTo("total 0\r\n");
    }

    @Test
    void eachKeyIsRelayedWithoutWaitingForMore() throws IOException {
        start(RelayOptions.plain());
        for (char key : "abc".toCharArray()) {
            writeText(local.master(), String.valueOf(key));
            assertThat(readText(remote.slave(), 1)).isEqualTo(String.valueOf(key));
        }
    }

    @Test
    void typingTheDetachKeysEndsTheRelayAsDetached() throws Exception {
        start(RelayOptions.plain().detachOn(DetachKeys.DEFAULT));
        writeText(local.master(), "ab\u0010\u0011");
        assertThat(relay.await()).isEqualTo(TerminalRelay.End.DETACHED);
        assertThat(readText(remote.slave(), 2)).isEqualTo("ab");
    }

    @Test
    void ctrlPFollowedByAnotherKeyReachesTheRemote() throws IOException {
        start(RelayOptions.plain().detachOn(DetachKeys.DEFAULT));
        writeText(local.master(), "\u0010");
        writeText(local.master(), "x");
        assertThat(readText(remote.slave(), 2)).isEqualTo("\u0010x");
        assertThat(relay.ended()).isFalse();
    }

    @Test
    void theRemoteClosingEndsTheRelay() throws Exception {
        start(RelayOptions.plain());
        remoteRaw.close(); // restore while the descriptor is still open
        remote.slave().close();
        assertThat(relay.await()).isEqualTo(TerminalRelay.End.REMOTE_CLOSED);
    }

    @Test
    void closeEndsTheRelayAsStopped() throws Exception {
        start(RelayOptions.plain());
        relay.close();
        assertThat(relay.await()).isEqualTo(TerminalRelay.End.STOPPED);
    }

    @Test
    void afterStoppingTheNextKeyIsLeftForTheLocalTerminal() throws Exception {
        start(RelayOptions.plain());
        relay.close();
        relay.await();
        // No relay thread is left blocked on the local terminal to swallow this key.
        writeText(local.master(), "k");
        assertThat(readText(local.slave(), 1)).isEqualTo("k");
    }

    @Test
    void theEndOfLocalInputRunsOnLocalEndAndKeepsShowingOutput() throws Exception {
        CountDownLatch localEnded = new CountDownLatch(1);
        ByteArrayOutputStream sent = new ByteArrayOutputStream();
        relay = TerminalRelay.start(
                new ByteArrayInputStream("exit\r".getBytes()), local.slave().outputStream(),
                StoppableInput.of(remote.master().fd()), sent,
                RelayOptions.plain().onLocalEnd(localEnded::countDown));
        assertThat(localEnded.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(sent.toString()).isEqualTo("exit\r");
        writeText(remote.slave(), "bye");
        assertThat(readText(local.master(), 3)).isEqualTo("bye");
        assertThat(relay.ended()).isFalse();
    }

    @Test
    void aFailedWriteEndsTheRelayAsFailed() throws Exception {
        relay = TerminalRelay.start(
                StoppableInput.of(local.slave().fd()), local.slave().outputStream(),
                StoppableInput.of(remote.master().fd()), new java.io.OutputStream() {
                    @Override
                    public void write(int b) throws IOException {
                        throw new IOException("connection reset");
                    }
                },
                RelayOptions.plain());
        writeText(local.master(), "x");
        assertThat(relay.await()).isEqualTo(TerminalRelay.End.FAILED);
        assertThat(relay.failure()).get().extracting(Throwable::getMessage).isEqualTo("connection reset");
    }
}
