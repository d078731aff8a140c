package dev.purser.pty;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.jline.utils.Signals;

/**
 * Reports the local terminal's new size each time the process receives SIGWINCH.
 *
 * <p>A process has one SIGWINCH disposition, so one watcher owns it at a time: starting a second
 * while one is open fails, and close() puts back whatever handler was there before (Lanterna's,
 * when the dashboard hands the screen to an attached container and takes it back).
 *
 * <p>The signal is registered through JLine's {@code Signals}, which reaches sun.misc.Signal
 * reflectively so this code compiles against the public JDK only. The handler only queues a
 * wake-up; the size is read and the callback run on the watcher's own thread, so a slow callback
 * (an HTTP resize request) never holds up the JVM's signal dispatcher, and a burst of signals
 * while the user drags a window collapses into one callback with the latest size.
 */
public final class WindowWatcher implements AutoCloseable {

    private static final String SIGNAL = "WINCH";
    private static final AtomicReference<WindowWatcher> OWNER = new AtomicReference<>();

    private final int fd;
    private final Consumer<WindowSize> onResize;
    private final BlockingQueue<Boolean> wakeUps = new ArrayBlockingQueue<>(1);
    private final Thread worker;
    private Object previousHandler;

    private WindowWatcher(int fd, Consumer<WindowSize> onResize) {
        this.fd = fd;
        this.onResize = onResize;
        this.worker = new Thread(this::deliver, "purser-window-watcher");
        this.worker.setDaemon(true);
    }

    /**
     * Starts calling {@code onResize} with the size of the terminal on {@code fd} after every
     * SIGWINCH. The callback is not called for the starting size; read it with {@link #currentSize()}.
     *
     * @throws IllegalStateException if another watcher is open, or the JVM refuses the signal
     */
    public static WindowWatcher watch(int fd, Consumer<WindowSize> onResize) {
        WindowWatcher watcher = new WindowWatcher(fd, onResize);
        if (!OWNER.compareAndSet(null, watcher)) {
            throw new IllegalStateException("SIGWINCH is already watched by another WindowWatcher");
        }
        watcher.worker.start();
        watcher.previousHandler = Signals.register(SIGNAL, () -> watcher.wakeUps.offer(Boolean.TRUE));
        if (watcher.previousHandler == null) {
            watcher.worker.interrupt();
            OWNER.set(null);
            throw new IllegalStateException("could not register a SIGWINCH handler");
        }
        return watcher;
    }

    /** The size of the watched terminal now. */
    public WindowSize currentSize() throws NativeCallException {
        return WindowSize.of(fd);
    }

    private void deliver() {
        try {
            while (true) {
                wakeUps.take();
                try {
                    onResize.accept(WindowSize.of(fd));
                } catch (NativeCallException e) {
                    // The terminal went away (closed while we were watching): nothing to report.
                } catch (RuntimeException e) {
                    // A failing callback must not end resizing for the rest of the session.
                    Thread self = Thread.currentThread();
                    self.getUncaughtExceptionHandler().uncaughtException(self, e);
                }
            }
        } catch (InterruptedException closed) {
            Thread.currentThread().interrupt();
        }
    }

    /** Puts back the previous SIGWINCH handler and stops calling the callback. */
    @Override
    public void close() {
        if (OWNER.compareAndSet(this, null)) {
            Signals.unregister(SIGNAL, previousHandler);
            worker.interrupt();
        }
    }
}
