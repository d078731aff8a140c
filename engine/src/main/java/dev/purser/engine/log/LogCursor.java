package dev.purser.engine.log;

import java.io.Closeable;

/**
 * The records a {@link LogQuery} selects, one at a time. With {@code follow}, {@link #next()}
 * blocks for new records until the writer closes (the container stopped) or {@link #close()} is
 * called from another thread (the client went away).
 */
public interface LogCursor extends Closeable {
    /** The next record, or null when there are no more (end of log, until reached, or closed). */
    LogRecord next() throws InterruptedException;

    /**
     * Runs {@code action} each time a follower has read everything there is and is about to
     * wait for more: where a reader that gathers output must send what it has, or a client of
     * {@code logs -f} would see nothing until the container writes 32 KB or stops.
     */
    void whenCaughtUp(Runnable action);

    @Override
    void close();
}
