package dev.purser.engine.container;

import dev.purser.engine.runtime.Linux;
import dev.purser.engine.runtime.LinuxException;

/**
 * Copies one of a process's output pipes to a listener until every writer has closed it.
 * Runs on its own thread; {@link #join()} returns once all output has been delivered, which
 * is what lets an exit be recorded only after the last line reached the log.
 */
final class StreamPump {
    private final Thread thread;

    /**
     * {@code closeWhenDone}: the pump owns {@code fd} and closes it at end of stream; a PTY
     * master is also written to, so its owner closes it instead.
     */
    StreamPump(Linux linux, int fd, StdStream stream, OutputListener listener, String name, boolean closeWhenDone) {
        this.thread = new Thread(() -> {
            byte[] buf = new byte[32 * 1024];
            try {
                int n;
                while ((n = linux.read(fd, buf)) > 0) {
                    listener.output(stream, buf, n);
                }
            } catch (LinuxException e) {
                // a read error ends the stream like end of file does (a PTY master reads EIO
                // once the last process holding the slave is gone)
            } finally {
                if (closeWhenDone) {
                    linux.close(fd);
                }
            }
        }, name);
        thread.setDaemon(true);
        thread.start();
    }

    void join() {
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
