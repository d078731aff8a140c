package dev.purser.engine.log;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a container's json-file log for {@code docker logs}: all rotated files in order, then the
 * current one, and, when following, whatever is appended next, switching to the new file after a
 * rotation. Works on a log nobody writes (a stopped container: following ends at the end of the
 * file) and on one a {@link JsonFileWriter} writes (following ends when the writer closes).
 */
public final class JsonFileReader {
    private static final Logger LOG = LoggerFactory.getLogger(JsonFileReader.class);
    /** Upper bound on how long a follower sleeps between checks if no notification comes. */
    static final long POLL_MILLIS = 250;

    private final LogFileSet files;
    private final LogActivity activity;

    /** A reader for a log nobody is writing. */
    public JsonFileReader(LogFileSet files) {
        this(files, null);
    }

    /** A reader for a live log; {@code activity} comes from the log's {@link JsonFileWriter}. */
    public JsonFileReader(LogFileSet files, LogActivity activity) {
        this.files = files;
        this.activity = activity;
    }

    public LogCursor read(LogQuery query) {
        List<FileChannel> channels = new CopyOnWriteArrayList<>();
        Object currentKey = null;
        try {
            for (Path p : files.oldestFirst()) {
                try {
                    FileChannel ch = FileChannel.open(p, StandardOpenOption.READ);
                    channels.add(ch);
                    if (p.equals(files.current())) {
                        currentKey = fileKey(p);
                    }
                } catch (NoSuchFileException e) {
                    // rotated away between listing and opening, or no output yet
                }
            }
            TailLocator.Position start = TailLocator.locate(channels, query.tail());
            return new FileCursor(query, channels, start, currentKey);
        } catch (IOException e) {
            channels.forEach(JsonFileReader::closeQuietly);
            throw new UncheckedIOException("reading " + files.current() + ": " + e.getMessage(), e);
        }
    }

    private static Object fileKey(Path p) throws IOException {
        return Files.readAttributes(p, BasicFileAttributes.class).fileKey();
    }

    private static void closeQuietly(FileChannel ch) {
        try {
            ch.close();
        } catch (IOException ignored) {
            // read-only channel; nothing to lose
        }
    }

    private final class FileCursor implements LogCursor {
        private final LogQuery query;
        private final List<FileChannel> channels;
        private int index;
        private RecordScanner scanner;
        /** Identity of the file the last scanner reads, to notice that the writer rotated it away. */
        private Object scannedKey;
        private boolean switchPending;
        private boolean finalDrain;
        private long seenVersion = -1;
        private boolean sinceSatisfied;
        private volatile boolean closed;
        private Runnable caughtUp = () -> {};

        FileCursor(LogQuery query, List<FileChannel> channels, TailLocator.Position start, Object currentKey) {
            this.query = query;
            this.channels = channels;
            this.index = start.file();
            this.scannedKey = currentKey;
            this.sinceSatisfied = query.since() == null;
            if (index < channels.size()) {
                scanner = new RecordScanner(channels.get(index), start.offset());
            }
        }

        @Override
        public LogRecord next() throws InterruptedException {
            try {
                while (!closed) {
                    byte[] raw = scanner == null ? null : scanner.next();
                    if (raw != null) {
                        LogRecord r = decode(raw);
                        if (r == null) {
                            continue;
                        }
                        if (!sinceSatisfied) {
                            if (r.time().isBefore(query.since())) {
                                continue;
                            }
                            // Docker stops checking after the first match: times need not be monotonic.
                            sinceSatisfied = true;
                        }
                        if (query.until() != null && r.time().isAfter(query.until())) {
                            close();
                            return null;
                        }
                        if (query.wants(r.stream())) {
                            return r;
                        }
                        continue;
                    }
                    if (index < channels.size() - 1) {
                        index++;
                        scanner = new RecordScanner(channels.get(index), 0);
                        continue;
                    }
                    if (!query.follow() || !awaitMore()) {
                        return null;
                    }
                }
                return null;
            } catch (IOException e) {
                if (closed) {
                    return null; // closed from another thread while reading: the client is gone
                }
                throw new UncheckedIOException("reading " + files.current() + ": " + e.getMessage(), e);
            }
        }

        /** At the end of the newest file while following: false when the log is finished. */
        private boolean awaitMore() throws IOException, InterruptedException {
            if (switchPending) {
                switchPending = false;
                openCurrent();
                return true;
            }
            Object key = currentKeyOrNull();
            if (key != null && !key.equals(scannedKey)) {
                // Rotated: drain what the old file got before the rotation, then switch.
                switchPending = true;
                return true;
            }
            if (finalDrain) {
                return false;
            }
            if (activity == null || activity.closed()) {
                finalDrain = true;
                return true;
            }
            long v = activity.version();
            if (v != seenVersion) {
                seenVersion = v;
                return true;
            }
            caughtUp.run();
            seenVersion = activity.awaitChange(seenVersion, POLL_MILLIS);
            return true;
        }

        @Override
        public void whenCaughtUp(Runnable action) {
            caughtUp = action;
        }

        private void openCurrent() throws IOException {
            try {
                FileChannel ch = FileChannel.open(files.current(), StandardOpenOption.READ);
                scannedKey = fileKey(files.current());
                channels.add(ch);
                index = channels.size() - 1;
                scanner = new RecordScanner(ch, 0);
            } catch (NoSuchFileException e) {
                // between the writer's unlink and create (max-file 1); try again on the next round
                switchPending = true;
            }
        }

        private Object currentKeyOrNull() throws IOException {
            try {
                return fileKey(files.current());
            } catch (NoSuchFileException e) {
                return null;
            }
        }

        private LogRecord decode(byte[] raw) {
            try {
                return JsonLogDecoder.decode(raw, 0, raw.length);
            } catch (RuntimeException e) {
                LOG.debug("skipping malformed record in {}: {}", files.current(), e.getMessage());
                return null;
            }
        }

        @Override
        public void close() {
            if (closed) {
                return;
            }
            closed = true;
            channels.forEach(JsonFileReader::closeQuietly);
        }
    }
}
