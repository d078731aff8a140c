package dev.purser.pty;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class DetachFilterTest {

    // P and Q stand for Ctrl-P and Ctrl-Q in the tables, so the cases read as what is typed.
    private static final DetachKeys KEYS = DetachKeys.parse("ctrl-p,ctrl-q");

    private static byte[] typed(String keys) {
        return keys.replace('P', (char) 16).replace('Q', (char) 17).getBytes(ISO_8859_1);
    }

    private static String shown(byte[] bytes) {
        return new String(bytes, ISO_8859_1).replace((char) 16, 'P').replace((char) 17, 'Q');
    }

    /** Runs the chunks through one filter: what was delivered in total, and whether it detached. */
    private static Outcome run(DetachKeys keys, List<byte[]> chunks) {
        DetachFilter filter = new DetachFilter(keys);
        ByteArrayOutputStream delivered = new ByteArrayOutputStream();
        boolean detached = false;
        for (byte[] chunk : chunks) {
            DetachFilter.Filtered result = filter.filter(chunk);
            delivered.writeBytes(result.deliver());
            detached = result.detached();
        }
        return new Outcome(shown(delivered.toByteArray()), detached);
    }

    private record Outcome(String delivered, boolean detached) {}

    static Stream<Arguments> oneChunk() {
        return Stream.of(
                Arguments.of("plain text passes through", "hello", "hello", false),
                Arguments.of("the sequence alone detaches and delivers nothing", "PQ", "", true),
                Arguments.of("bytes before the sequence are delivered", "abPQ", "ab", true),
                Arguments.of("bytes after the sequence in the same chunk are dropped", "abPQcd", "ab", true),
                Arguments.of("Ctrl-P then another key reaches the container as both", "Px", "Px", false),
                Arguments.of("Ctrl-Q alone passes through", "Q", "Q", false),
                Arguments.of("Ctrl-Q then Ctrl-P holds the Ctrl-P", "QP", "Q", false),
                Arguments.of("a trailing Ctrl-P is held back", "abP", "ab", false),
                Arguments.of("the byte that breaks a match is not a new start (moby)", "PPQ", "PPQ", false),
                Arguments.of("a match after a broken one detaches", "PxPQ", "Px", true),
                Arguments.of("empty input delivers nothing", "", "", false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("oneChunk")
    void filtersOneChunk(String behaviour, String input, String delivered, boolean detached) {
        assertThat(run(KEYS, List.of(typed(input)))).isEqualTo(new Outcome(delivered, detached));
    }

    static Stream<Arguments> splitChunks() {
        return Stream.of(
                Arguments.of("a sequence split across reads detaches", List.of("abP", "Q"), "ab", true),
                Arguments.of("a held Ctrl-P is replayed when the next read breaks the match", List.of("P", "x"), "Px", false),
                Arguments.of("the replayed Ctrl-P comes before the breaking read", List.of("aP", "xyz"), "aPxyz", false),
                Arguments.of("bytes after a split sequence are dropped", List.of("P", "Qrest"), "", true),
                Arguments.of("nothing is delivered after detaching", List.of("PQ", "more"), "", true),
                Arguments.of("empty reads change nothing", List.of("a", "", "P", "", "Q"), "a", true));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("splitChunks")
    void filtersSplitChunks(String behaviour, List<String> input, String delivered, boolean detached) {
        List<byte[]> chunks = input.stream().map(DetachFilterTest::typed).toList();
        assertThat(run(KEYS, chunks)).isEqualTo(new Outcome(delivered, detached));
    }

    @Test
    void aLongerSequenceHoldsEveryMatchedByte() {
        DetachKeys keys = DetachKeys.parse("a,b,c");
        assertThat(run(keys, List.of("xab".getBytes(ISO_8859_1)))).isEqualTo(new Outcome("x", false));
    }

    @Test
    void aLongerSequenceBrokenLateReplaysAllHeldBytes() {
        DetachKeys keys = DetachKeys.parse("a,b,c");
        List<byte[]> chunks = List.of("a".getBytes(ISO_8859_1), "b".getBytes(ISO_8859_1), "x".getBytes(ISO_8859_1));
        assertThat(run(keys, chunks)).isEqualTo(new Outcome("abx", false));
    }

    @Test
    void aOneKeySequenceDetachesOnThatKey() {
        DetachKeys keys = DetachKeys.parse("ctrl-c");
        assertThat(run(keys, List.of(new byte[] {'a', 3, 'b'}))).isEqualTo(new Outcome("a", true));
    }

    @Test
    void heldReturnsThePartialMatch() {
        DetachFilter filter = new DetachFilter(KEYS);
        filter.filter(typed("abP"));
        assertThat(filter.held()).containsExactly(16);
    }

    @Test
    void filterHonoursOffsetAndLength() {
        DetachFilter filter = new DetachFilter(KEYS);
        byte[] buffer = typed("zzabPQzz");
        DetachFilter.Filtered result = filter.filter(buffer, 2, 4);
        assertThat(shown(result.deliver())).isEqualTo("ab");
        assertThat(result.detached()).isTrue();
    }

    @RepeatedTest(200)
    void anyChunkingOfTheSameInputGivesTheSameOutput(org.junit.jupiter.api.RepetitionInfo repetition) {
        Random random = new Random(repetition.getCurrentRepetition());
        // A small alphabet dense in the sequence's bytes makes partial and broken matches common.
        byte[] alphabet = {16, 17, 'a', 'b'};
        byte[] input = new byte[random.nextInt(40)];
        for (int i = 0; i < input.length; i++) {
            input[i] = alphabet[random.nextInt(alphabet.length)];
        }
        Outcome whole = run(KEYS, List.of(input));
        Outcome byteByByte = run(KEYS, chunked(input, random, 1));
        Outcome random1 = run(KEYS, chunked(input, random, 0));
        Outcome random2 = run(KEYS, chunked(input, random, 0));
        assertThat(byteByByte).isEqualTo(whole);
        assertThat(random1).isEqualTo(whole);
        assertThat(random2).isEqualTo(whole);
    }

    @RepeatedTest(100)
    void withoutTheSequenceEveryByteIsDeliveredExceptAHeldTail(org.junit.jupiter.api.RepetitionInfo repetition) {
        Random random = new Random(1000L + repetition.getCurrentRepetition());
        byte[] input = new byte[random.nextInt(40)];
        for (int i = 0; i < input.length; i++) {
            input[i] = (byte) (random.nextBoolean() ? 16 : 'a' + random.nextInt(3));
        }
        DetachFilter filter = new DetachFilter(KEYS);
        ByteArrayOutputStream delivered = new ByteArrayOutputStream();
        for (byte[] chunk : chunked(input, random, 0)) {
            delivered.writeBytes(filter.filter(chunk).deliver());
        }
        delivered.writeBytes(filter.held());
        assertThat(delivered.toByteArray()).containsExactly(input);
    }

    /** Splits input into chunks of {@code size} bytes, or of random sizes (including 0) when size is 0. */
    private static List<byte[]> chunked(byte[] input, Random random, int size) {
        List<byte[]> chunks = new ArrayList<>();
        int at = 0;
        while (at < input.length) {
            int length = Math.min(input.length - at, size > 0 ? size : random.nextInt(6));
            byte[] chunk = new byte[length];
            System.arraycopy(input, at, chunk, 0, length);
            chunks.add(chunk);
            at += length;
        }
        return chunks;
    }
}
