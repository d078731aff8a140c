package dev.purser.engine.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The bytes a stream delivers, read by a thread of its own while the test goes on: how a test
 * watches a client that follows something ({@code logs -f}) and sees what arrived so far.
 */
public final class WatchedOutput {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final Thread reader;
    private volatile boolean ended;

    private WatchedOutput(InputStream in) {
        reader = new Thread(() -> {
            byte[] buf = new byte[8192];
            try (in) {
                for (int n; (n = in.read(buf)) > 0; ) {
                    synchronized (bytes) {
                        bytes.write(buf, 0, n);
                        bytes.notifyAll();
                    }
                }
            } catch (IOException ignored) {
                // the stream was closed under the reader: the test is done with it
            } finally {
                ended = true;
                synchronized (bytes) {
                    bytes.notifyAll();
                }
            }
        }, "watched-output");
        reader.setDaemon(true);
        reader.start();
    }

    public static WatchedOutput of(InputStream in) {
        return new WatchedOutput(in);
    }

    public byte[] bytes() {
        synchronized (bytes) {
            return bytes.toByteArray();
        }
    }

    public boolean ended() {
        return ended;
    }

    /**
     * Waits until what arrived so far, decoded by {@code decode}, satisfies {@code condition};
     * fails with what did arrive when the deadline passes first.
     */
    public String await(Function<byte[], String> decode, Predicate<String> condition, Duration deadline)
            throws InterruptedException {
        long end = System.nanoTime() + deadline.toNanos();
        synchronized (bytes) {
            while (true) {
                String text = decode.apply(bytes.toByteArray());
                if (condition.test(text)) {
                    return text;
                }
                long left = end - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError("not seen within " + deadline + "; got so far: " + text);
                }
                bytes.wait(Math.max(1, Math.min(left / 1_000_000, 200)));
            }
        }
    }

    /** Waits for the stream's end; fails when the deadline passes first. */
    public void awaitEnd(Duration deadline) throws InterruptedException {
        reader.join(deadline.toMillis());
        if (reader.isAlive()) {
            throw new AssertionError("the stream did not end within " + deadline + "; got: " + new String(bytes()));
        }
    }
}
