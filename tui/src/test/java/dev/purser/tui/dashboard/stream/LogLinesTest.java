package dev.purser.tui.dashboard.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class LogLinesTest {
    private static void frame(ByteArrayOutputStream out, int stream, String text) {
        byte[] payload = text.getBytes(StandardCharsets.UTF_8);
        out.write(stream);
        out.write(0);
        out.write(0);
        out.write(0);
        out.write(payload.length >>> 24);
        out.write(payload.length >>> 16);
        out.write(payload.length >>> 8);
        out.write(payload.length);
        out.write(payload, 0, payload.length);
    }

    @Test
    void framesAreSplitIntoLinesPerStream() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        frame(out, 1, "one\ntw");
        frame(out, 2, "err\n");
        frame(out, 1, "o\n");
        LogLines lines = new LogLines(new ByteArrayInputStream(out.toByteArray()), false);
        assertThat(lines.next()).isEqualTo(new LogLines.Line("one", false));
        assertThat(lines.next()).isEqualTo(new LogLines.Line("err", true));
        assertThat(lines.next()).isEqualTo(new LogLines.Line("two", false));
        assertThat(lines.next()).isNull();
    }

    @Test
    void aTtyStreamIsRawAndLosesItsCarriageReturns() throws IOException {
        LogLines lines = new LogLines(new ByteArrayInputStream("a\r\nb\r\n".getBytes(StandardCharsets.UTF_8)), true);
        assertThat(lines.next()).isEqualTo(new LogLines.Line("a", false));
        assertThat(lines.next()).isEqualTo(new LogLines.Line("b", false));
        assertThat(lines.next()).isNull();
    }

    @Test
    void aLastLineWithoutNewlineIsStillALine() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        frame(out, 1, "partial");
        LogLines lines = new LogLines(new ByteArrayInputStream(out.toByteArray()), false);
        assertThat(lines.next()).isEqualTo(new LogLines.Line("partial", false));
        assertThat(lines.next()).isNull();
    }

    @Test
    void aMultibyteCharacterSplitAcrossFramesIsKeptWhole() throws IOException {
        byte[] euro = "€\n".getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(new byte[] {1, 0, 0, 0, 0, 0, 0, 1, euro[0]});
        out.write(new byte[] {1, 0, 0, 0, 0, 0, 0, 3, euro[1], euro[2], euro[3]});
        LogLines lines = new LogLines(new ByteArrayInputStream(out.toByteArray()), false);
        assertThat(lines.next().text()).isEqualTo("€");
    }

    @Test
    void framesLargerAndSmallerThanTheLastAreEachReadWhole() throws IOException {
        // the payload buffer is reused from frame to frame: a long frame grows it, a short one
        // after it must not show the long one's leftover bytes
        String longLine = "x".repeat(20_000);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        frame(out, 1, "short\n");
        frame(out, 1, longLine + "\n");
        frame(out, 1, "ab\n");
        LogLines lines = new LogLines(new ByteArrayInputStream(out.toByteArray()), false);
        assertThat(lines.next()).isEqualTo(new LogLines.Line("short", false));
        assertThat(lines.next()).isEqualTo(new LogLines.Line(longLine, false));
        assertThat(lines.next()).isEqualTo(new LogLines.Line("ab", false));
        assertThat(lines.next()).isNull();
    }
}
