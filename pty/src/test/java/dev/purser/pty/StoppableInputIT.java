package dev.purser.pty;

import static dev.purser.pty.TerminalReads.writeText;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class StoppableInputIT {

    private PtyPair pty;
    private RawMode raw;

    @BeforeEach
    void open() throws IOException {
        pty = PtyPair.open();
        raw = RawMode.enter(pty.slave().fd());
    }

    @AfterEach
    void close() throws IOException {
        raw.close();
        pty.close();
    }

    @Test
    void readsWhatArrivesOnTheDescriptor() throws IOException {
        try (StoppableInput in = StoppableInput.of(pty.slave().fd())) {
            writeText(pty.master(), "hey");
            assertThat(new String(in.readNBytes(3))).isEqualTo("hey");
        }
    }

    @Test
    void closeWakesABlockedRead() throws Exception {
        StoppableInput in = StoppableInput.of(pty.slave().fd());
        CompletableFuture<Integer> read = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try {
                read.complete(in.read(new byte[8], 0, 8));
            } catch (IOException | RuntimeException e) {
                read.completeExceptionally(e);
            }
        }, "blocked-reader");
        reader.start();
        // the close must wake a read that is already waiting in poll(2), not one that has yet to start
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!waitsInPoll(reader)) {
            assertThat(System.nanoTime()).as("the reader reaches poll").isLessThan(deadline);
            Thread.onSpinWait();
        }
        in.close();
        assertThat(read.get(5, TimeUnit.SECONDS)).isEqualTo(-1);
    }

    private static boolean waitsInPoll(Thread t) {
        for (StackTraceElement frame : t.getStackTrace()) {
            if (frame.getMethodName().equals("poll")) return true;
        }
        return false;
    }

    @Test
    void closeLeavesTheDescriptorOpen() throws IOException {
        StoppableInput.of(pty.slave().fd()).close();
        assertThat(LibC.INSTANCE.isatty(pty.slave().fd())).isEqualTo(1);
    }

    @Test
    void readsAfterCloseReturnEndOfInput() throws IOException {
        StoppableInput in = StoppableInput.of(pty.slave().fd());
        in.close();
        writeText(pty.master(), "x");
        assertThat(in.read()).isEqualTo(-1);
    }

    @Test
    void aHungUpTerminalReadsAsEndOfInput() throws IOException {
        try (StoppableInput in = StoppableInput.of(pty.master().fd())) {
            raw.close(); // restore while the descriptor is still open
            pty.slave().close();
            assertThat(in.read()).isEqualTo(-1);
        }
    }
}
