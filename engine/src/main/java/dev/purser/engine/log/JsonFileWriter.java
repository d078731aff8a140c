package dev.purser.engine.log;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes one container's output to its json-file log, as dockerd does. Records are appended with
 * one write each so a concurrent reader sees whole records or a prefix of the last one; the file
 * is rotated before a write once it has reached the policy's size, as in Docker (so a file can
 * exceed max-size by one record). Not a state file: AtomicFile's replace-whole-file model does not
 * fit an append-only log, and Docker does not fsync logs either.
 */
public final class JsonFileWriter implements Closeable {
    private final LogFileSet files;
    private final RotationPolicy policy;
    private final LogActivity activity = new LogActivity();
    private final Map<LogStream, LineSplitter> splitters = new EnumMap<>(LogStream.class);
    private FileChannel channel;
    private long size;

    /** Opens (or creates) the current file, continuing after what is already there. */
    public JsonFileWriter(LogFileSet files, RotationPolicy policy) {
        this.files = files;
        this.policy = policy;
        for (LogStream s : LogStream.values()) {
            splitters.put(s, new LineSplitter(s));
        }
        try {
            Files.createDirectories(files.current().toAbsolutePath().getParent());
            channel = open(StandardOpenOption.APPEND);
            size = channel.size();
        } catch (IOException e) {
            throw new UncheckedIOException("opening " + files.current() + ": " + e.getMessage(), e);
        }
    }

    public LogFileSet files() {
        return files;
    }

    /** What readers following this log wait on. */
    public LogActivity activity() {
        return activity;
    }

    /** Logs bytes a container wrote to {@code stream} at {@code time}; any chunking is fine. */
    public synchronized void append(LogStream stream, byte[] chunk, Instant time) {
        writeAll(splitters.get(stream).accept(chunk, time));
    }

    /** The stream reached its end (the process exited): a trailing partial line is logged as-is. */
    public synchronized void endOfStream(LogStream stream, Instant time) {
        writeAll(splitters.get(stream).flush(time));
    }

    /** Writes one already-split record, for callers that do their own line handling. */
    public synchronized void write(LogRecord record) {
        writeAll(List.of(record));
    }

    /**
     * Flushes partial lines and closes the file; followers then finish once they have read
     * everything, which is how {@code docker logs -f} ends when the container stops.
     */
    @Override
    public synchronized void close() {
        if (channel == null) {
            return;
        }
        Instant now = Instant.now();
        for (LogStream s : LogStream.values()) {
            endOfStream(s, now);
        }
        try {
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            channel = null;
            activity.close();
        }
    }

    private void writeAll(List<LogRecord> records) {
        if (records.isEmpty()) {
            return;
        }
        if (channel == null) {
            throw new IllegalStateException("log writer closed: " + files.current());
        }
        try {
            // one write per batch of whole records (not per record): a reader still never sees
            // half a record except at the end, and a chunk of many short lines costs one syscall
            java.io.ByteArrayOutputStream batch = new java.io.ByteArrayOutputStream();
            for (LogRecord r : records) {
                if (policy.rotates() && size + batch.size() >= policy.maxSize()) {
                    flush(batch);
                    rotate();
                }
                batch.writeBytes(JsonLogEncoder.encode(r));
            }
            flush(batch);
        } catch (IOException e) {
            throw new UncheckedIOException("writing " + files.current() + ": " + e.getMessage(), e);
        }
        activity.changed();
    }

    private void flush(java.io.ByteArrayOutputStream batch) throws IOException {
        ByteBuffer buf = ByteBuffer.wrap(batch.toByteArray());
        while (buf.hasRemaining()) {
            size += channel.write(buf);
        }
        batch.reset();
    }

    /** Docker's order: drop the oldest, shift .1..N-2 up by one, current becomes .1, start afresh. */
    private void rotate() throws IOException {
        channel.close();
        int max = policy.maxFiles();
        if (max >= 2) {
            Files.deleteIfExists(files.rotated(max - 1));
            for (int i = max - 1; i > 1; i--) {
                moveIfExists(files.rotated(i - 1), files.rotated(i));
            }
            moveIfExists(files.current(), files.rotated(1));
        } else {
            Files.deleteIfExists(files.current());
        }
        channel = open(StandardOpenOption.TRUNCATE_EXISTING);
        size = 0;
    }

    private static void moveIfExists(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (NoSuchFileException e) {
            // a gap in the numbering (max-file raised, or a crash mid-rotation) is not an error
        }
    }

    private FileChannel open(OpenOption mode) throws IOException {
        Path p = files.current();
        Set<OpenOption> opts = Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE, mode);
        // 0640 like dockerd: logs can hold secrets a container printed.
        return FileChannel.open(p, opts, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-r-----")));
    }
}
