package dev.purser.engine.log;

/**
 * How the writer tells followers that something happened (a record, a rotation, the container
 * stopping) so {@code docker logs -f} wakes up at once instead of spinning on the file.
 */
public final class LogActivity {
    private long version;
    private boolean closed;

    synchronized void changed() {
        version++;
        notifyAll();
    }

    synchronized void close() {
        closed = true;
        version++;
        notifyAll();
    }

    public synchronized long version() {
        return version;
    }

    /** True once the writer has finished: the container stopped and nothing more will come. */
    public synchronized boolean closed() {
        return closed;
    }

    /** Waits until the version moves past {@code seen}, or the timeout passes; returns the version. */
    synchronized long awaitChange(long seen, long timeoutMillis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        while (version == seen) {
            long left = deadline - System.currentTimeMillis();
            if (left <= 0) {
                break;
            }
            wait(left);
        }
        return version;
    }
}
