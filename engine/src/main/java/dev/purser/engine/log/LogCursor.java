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

    @Override
    void close();
}
