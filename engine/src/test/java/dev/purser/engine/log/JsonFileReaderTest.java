package dev.purser.engine.log;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonFileReaderTest {
    private static final Instant T0 = Instant.parse("2026-11-29T03:00:00Z");
    @TempDir
    Path dir;

    static List<LogRecord> drain(LogCursor c) {
        List<LogRecord> out = new ArrayList<>();
        try (c) {
            LogRecord r;
            while ((r = c.next()) != null) {
                out.add(r);
            }
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
        return out;
    }

    private LogFileSet files() {
        return LogFileSet.forContainer(dir, "c1");
    }

    private void writeLines(JsonFileWriter w, int from, int to) {
        for (int i = from; i < to; i++) {
            LogStream s = i % 3 == 0 ? LogStream.STDERR : LogStream.STDOUT;
            w.append(s, ("line" + i + "\n").getBytes(StandardCharsets.UTF_8), T0.plusSeconds(i));
        }
    }

    private List<String> texts(LogQuery q) {
        return drain(new JsonFileReader(files()).read(q)).stream().map(LogRecord::text).map(String::strip).toList();
    }

    @Test
    void tailSinceUntilAndStreams() {
        try (JsonFileWriter w = new JsonFileWriter(files(), new RotationPolicy(200, 10))) {
            writeLines(w, 0, 20);
        }
        assertThat(texts(LogQuery.all())).hasSize(20).startsWith("line0").endsWith("line19");
        assertThat(texts(LogQuery.all().withTail(3))).containsExactly("line17", "line18", "line19");
        assertThat(texts(LogQuery.all().withTail(0))).isEmpty();
        assertThat(texts(LogQuery.all().withTail(100))).hasSize(20);
        // tail across rotated files (three records per file at this size)
        assertThat(texts(LogQuery.all().withTail(7))).containsExactly(
                "line13", "line14", "line15", "line16", "line17", "line18", "line19");
        assertThat(texts(LogQuery.all().withSince(T0.plusSeconds(15)).withUntil(T0.plusSeconds(17))))
                .containsExactly("line15", "line16", "line17");
        // Docker: tail picks records first, then the stream filter applies
        assertThat(texts(LogQuery.all().withTail(3).withStreams(false, true))).containsExactly("line18");
        assertThat(texts(LogQuery.all().withStreams(false, true))).containsExactly(
                "line0", "line3", "line6", "line9", "line12", "line15", "line18");
    }

    @Test
    void aReaderThatDoesNotFollowStopsWhereTheLogEndedWhenItWasOpened() {
        // docker logs --tail 1 of a container that keeps writing: one line, not the ones written meanwhile
        try (JsonFileWriter w = new JsonFileWriter(files(), RotationPolicy.none())) {
            writeLines(w, 0, 5);
            LogCursor cursor = new JsonFileReader(files()).read(LogQuery.all().withTail(1));
            writeLines(w, 5, 8);
            assertThat(drain(cursor)).extracting(LogRecord::text).map(String::strip).containsExactly("line4");
        }
    }

    @Test
    void tailReadsBackwardsAcrossManyBlocks() {
        try (JsonFileWriter w = new JsonFileWriter(files(), RotationPolicy.none())) {
            writeLines(w, 0, 5000);
        }
        assertThat(texts(LogQuery.all().withTail(2))).containsExactly("line4998", "line4999");
        assertThat(texts(LogQuery.all().withTail(1000))).hasSize(1000).startsWith("line4000");
    }

    @Test
    void emptyOrMissingLog() {
        assertThat(texts(LogQuery.all())).isEmpty();
        assertThat(texts(LogQuery.all().withFollow(true))).isEmpty();
    }

    @Test
    void followDeliversNewRecordsAcrossRotationUntilWriterCloses() throws Exception {
        JsonFileWriter w = new JsonFileWriter(files(), new RotationPolicy(150, 3));
        writeLines(w, 0, 2);
        BlockingQueue<String> got = new ArrayBlockingQueue<>(100);
        JsonFileReader reader = new JsonFileReader(files(), w.activity());
        Thread follower = new Thread(() -> {
            try (LogCursor c = reader.read(LogQuery.all().withTail(1).withFollow(true))) {
                LogRecord r;
                while ((r = c.next()) != null) {
                    got.add(r.text().strip());
                }
                got.add("<end>");
            } catch (InterruptedException e) {
                got.add("<interrupted>");
            }
        });
        follower.start();
        assertThat(got.poll(5, TimeUnit.SECONDS)).isEqualTo("line1");
        for (int i = 2; i < 12; i++) {
            writeLines(w, i, i + 1);
            assertThat(got.poll(5, TimeUnit.SECONDS)).isEqualTo("line" + i);
        }
        assertThat(files().rotated(2)).exists();
        w.close();
        assertThat(got.poll(5, TimeUnit.SECONDS)).isEqualTo("<end>");
        follower.join(5000);
    }

    @Test
    void closingTheCursorStopsAFollower() throws Exception {
        try (JsonFileWriter w = new JsonFileWriter(files(), RotationPolicy.none())) {
            writeLines(w, 0, 1);
            LogCursor cursor = new JsonFileReader(files(), w.activity()).read(LogQuery.all().withFollow(true));
            assertThat(cursor.next().text()).isEqualTo("line0\n");
            BlockingQueue<Object> done = new ArrayBlockingQueue<>(1);
            Thread t = new Thread(() -> {
                try {
                    done.add(String.valueOf(cursor.next()));
                } catch (InterruptedException e) {
                    done.add(e);
                }
            });
            t.start();
            // close while the follower waits for more, not before it got there
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (t.getState() != Thread.State.WAITING && t.getState() != Thread.State.TIMED_WAITING
                    && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            assertThat(t.getState()).isIn(Thread.State.WAITING, Thread.State.TIMED_WAITING);
            cursor.close();
            assertThat(done.poll(5, TimeUnit.SECONDS)).isEqualTo("null");
        }
    }

    @Test
    void aFollowerSaysWhenItHasReadEverythingBeforeItWaits() throws Exception {
        try (JsonFileWriter w = new JsonFileWriter(files(), RotationPolicy.none())) {
            writeLines(w, 0, 2);
            LogCursor cursor = new JsonFileReader(files(), w.activity()).read(LogQuery.all().withFollow(true));
            List<String> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
            cursor.whenCaughtUp(() -> seen.add("caught up"));
            BlockingQueue<String> got = new ArrayBlockingQueue<>(10);
            Thread follower = new Thread(() -> {
                try {
                    LogRecord r;
                    while ((r = cursor.next()) != null) {
                        seen.add(r.text().strip());
                        got.add(r.text().strip());
                    }
                } catch (InterruptedException e) {
                    got.add("<interrupted>");
                }
            });
            follower.start();
            assertThat(got.poll(5, TimeUnit.SECONDS)).isEqualTo("line0");
            assertThat(got.poll(5, TimeUnit.SECONDS)).isEqualTo("line1");
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (!seen.contains("caught up") && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            assertThat(seen).startsWith("line0", "line1", "caught up");
            cursor.close();
            follower.join(5000);
        }
    }
}
