package dev.purser.engine.log;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonFileWriterTest {
    private static final Instant T1 = Instant.parse("2026-11-29T03:04:05.1Z");
    private static final Instant T2 = Instant.parse("2026-11-29T03:04:06.2Z");
    @TempDir
    Path dir;

    private LogFileSet files() {
        return LogFileSet.forContainer(dir, "abc");
    }

    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void splitsOnNewlinesAndKeepsPartialUntilCompleted() throws IOException {
        try (JsonFileWriter w = new JsonFileWriter(files(), RotationPolicy.none())) {
            w.append(LogStream.STDOUT, b("one\ntw"), T1);
            w.append(LogStream.STDERR, b("err\n"), T1);
            w.append(LogStream.STDOUT, b("o\nthr"), T2);
            w.endOfStream(LogStream.STDOUT, T2);
        }
        assertThat(Files.readString(files().current())).isEqualTo(
                "{\"log\":\"one\\n\",\"stream\":\"stdout\",\"time\":\"2026-11-29T03:04:05.1Z\"}\n"
                        + "{\"log\":\"err\\n\",\"stream\":\"stderr\",\"time\":\"2026-11-29T03:04:05.1Z\"}\n"
                        + "{\"log\":\"two\\n\",\"stream\":\"stdout\",\"time\":\"2026-11-29T03:04:06.2Z\"}\n"
                        + "{\"log\":\"thr\",\"stream\":\"stdout\",\"time\":\"2026-11-29T03:04:06.2Z\"}\n");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(files().current()))).isEqualTo("rw-r-----");
    }

    @Test
    void longLineIsCutAt16KiBAndPiecesShareTheFirstTime() {
        byte[] big = new byte[LineSplitter.BUFFER_LIMIT * 2 + 10];
        Arrays.fill(big, (byte) 'x');
        big[big.length - 1] = '\n';
        try (JsonFileWriter w = new JsonFileWriter(files(), RotationPolicy.none())) {
            w.append(LogStream.STDOUT, Arrays.copyOfRange(big, 0, 20000), T1);
            w.append(LogStream.STDOUT, Arrays.copyOfRange(big, 20000, big.length), T2);
        }
        List<LogRecord> all = readAll(LogQuery.all());
        assertThat(all).hasSize(3);
        assertThat(all.get(0).line()).hasSize(LineSplitter.BUFFER_LIMIT).doesNotContain((byte) '\n');
        assertThat(all.get(1).line()).hasSize(LineSplitter.BUFFER_LIMIT);
        assertThat(all.get(2).line()).hasSize(10);
        assertThat(all).allMatch(r -> r.time().equals(T1));
    }

    @Test
    void rotatesBySizeKeepingMaxFiles() {
        // each record is 60-odd bytes; max-size 100 means two records per file, as Docker checks before writing
        try (JsonFileWriter w = new JsonFileWriter(files(), new RotationPolicy(100, 3))) {
            for (int i = 0; i < 10; i++) {
                w.append(LogStream.STDOUT, b("line" + i + "\n"), T1.plusSeconds(i));
            }
        }
        assertThat(files().rotated(1)).exists();
        assertThat(files().rotated(2)).exists();
        assertThat(files().rotated(3)).doesNotExist();
        assertThat(readAll(LogQuery.all())).extracting(LogRecord::text)
                .containsExactly("line4\n", "line5\n", "line6\n", "line7\n", "line8\n", "line9\n");
    }

    @Test
    void maxFileOneTruncates() {
        try (JsonFileWriter w = new JsonFileWriter(files(), new RotationPolicy(100, 1))) {
            for (int i = 0; i < 5; i++) {
                w.append(LogStream.STDOUT, b("line" + i + "\n"), T1);
            }
        }
        assertThat(files().rotated(1)).doesNotExist();
        assertThat(readAll(LogQuery.all())).extracting(LogRecord::text).containsExactly("line4\n");
    }

    @Test
    void reopenAppends() {
        try (JsonFileWriter w = new JsonFileWriter(files(), RotationPolicy.none())) {
            w.append(LogStream.STDOUT, b("a\n"), T1);
        }
        try (JsonFileWriter w = new JsonFileWriter(files(), RotationPolicy.none())) {
            w.append(LogStream.STDOUT, b("b\n"), T2);
        }
        assertThat(readAll(LogQuery.all())).extracting(LogRecord::text).containsExactly("a\n", "b\n");
    }

    private List<LogRecord> readAll(LogQuery q) {
        return JsonFileReaderTest.drain(new JsonFileReader(files()).read(q));
    }
}
