package dev.purser.pty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class WindowWatcherIT {

    private PtyPair pty;
    private final BlockingQueue<WindowSize> seen = new LinkedBlockingQueue<>();

    @BeforeEach
    void open() throws IOException {
        pty = PtyPair.open();
    }

    @AfterEach
    void close() throws IOException {
        pty.close();
    }

    /** The test's PTY is not our controlling terminal, so the kernel will not signal us; we do. */
    private static void sigwinch() {
        assertThat(LibC.INSTANCE.kill((int) ProcessHandle.current().pid(), LibC.SIGWINCH)).isZero();
    }

    @Test
    void aResizeCallsBackWithTheNewSize() throws Exception {
        try (WindowWatcher watcher = WindowWatcher.watch(pty.slave().fd(), seen::add)) {
            pty.master().resize(new WindowSize(50, 160));
            sigwinch();
            assertThat(seen.poll(5, TimeUnit.SECONDS)).isEqualTo(new WindowSize(50, 160));
        }
    }

    @Test
    void currentSizeReadsTheWatchedTerminal() throws Exception {
        pty.master().resize(new WindowSize(24, 80));
        try (WindowWatcher watcher = WindowWatcher.watch(pty.slave().fd(), seen::add)) {
            assertThat(watcher.currentSize()).isEqualTo(new WindowSize(24, 80));
        }
    }

    @Test
    void onlyOneWatcherOwnsTheSignal() {
        try (WindowWatcher first = WindowWatcher.watch(pty.slave().fd(), seen::add)) {
            assertThatThrownBy(() -> WindowWatcher.watch(pty.slave().fd(), seen::add))
                    .isInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    void aClosedWatcherFreesTheSignalForTheNext() throws Exception {
        WindowWatcher.watch(pty.slave().fd(), size -> { }).close();
        try (WindowWatcher next = WindowWatcher.watch(pty.slave().fd(), seen::add)) {
            pty.master().resize(new WindowSize(10, 20));
            sigwinch();
            assertThat(seen.poll(5, TimeUnit.SECONDS)).isEqualTo(new WindowSize(10, 20));
        }
    }

    @Test
    void aFailingCallbackDoesNotStopLaterResizes() throws Exception {
        boolean[] failedOnce = {false};
        try (WindowWatcher watcher = WindowWatcher.watch(pty.slave().fd(), size -> {
            if (!failedOnce[0]) {
                failedOnce[0] = true;
                throw new IllegalStateException("callback failed");
            }
            seen.add(size);
        })) {
            sigwinch();
            // Wait for the first (failing) delivery before the second signal, or the two coalesce.
            long deadline = System.currentTimeMillis() + 5000;
            while (!failedOnce[0] && System.currentTimeMillis() < deadline) {
                Thread.sleep(10);
            }
            pty.master().resize(new WindowSize(30, 90));
            sigwinch();
            assertThat(seen.poll(5, TimeUnit.SECONDS)).isEqualTo(new WindowSize(30, 90));
        }
    }
}
