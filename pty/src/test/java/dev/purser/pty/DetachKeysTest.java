package dev.purser.pty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class DetachKeysTest {

    static Stream<Arguments> validSpecs() {
        return Stream.of(
                Arguments.of("ctrl-p,ctrl-q", new byte[] {16, 17}),
                Arguments.of("ctrl-@", new byte[] {0}),
                Arguments.of("ctrl-a", new byte[] {1}),
                Arguments.of("ctrl-z", new byte[] {26}),
                Arguments.of("ctrl-[", new byte[] {27}),
                Arguments.of("ctrl-\\", new byte[] {28}),
                Arguments.of("ctrl-]", new byte[] {29}),
                Arguments.of("ctrl-^", new byte[] {30}),
                Arguments.of("ctrl-_", new byte[] {31}),
                Arguments.of("DEL", new byte[] {127}),
                Arguments.of("a,b,c", new byte[] {'a', 'b', 'c'}),
                Arguments.of("ctrl-x,x", new byte[] {24, 'x'}),
                Arguments.of("+", new byte[] {'+'}),
                Arguments.of(" ", new byte[] {' '}),
                Arguments.of("A", new byte[] {'A'}));
    }

    @ParameterizedTest(name = "''{0}''")
    @MethodSource("validSpecs")
    void parsesEachKeyToItsByte(String spec, byte[] expected) {
        assertThat(DetachKeys.parse(spec).bytes()).containsExactly(expected);
    }

    @ParameterizedTest(name = "''{0}''")
    @ValueSource(strings = {"ctrl-xyz", "ctrl-", "CTRL-P", "ctrl-P", "ctrl-1", "del", "ab", "é", "ctrl-p, ctrl-q"})
    void rejectsAnUnknownKeyWithDockersMessage(String spec) {
        String bad = spec.contains(",") ? spec.substring(spec.indexOf(',') + 1) : spec;
        assertThatThrownBy(() -> DetachKeys.parse(spec))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Unknown character: '" + bad + "'");
    }

    @Test
    void rejectsTheEmptyStringLikeToBytes() {
        assertThatThrownBy(() -> DetachKeys.parse(""))
                .hasMessage("Unknown character: ''");
    }

    @Test
    void rejectsAnEmptyItemBetweenCommas() {
        assertThatThrownBy(() -> DetachKeys.parse("ctrl-a,,ctrl-b"))
                .hasMessage("Unknown character: ''");
    }

    @Test
    void rejectsATrailingComma() {
        assertThatThrownBy(() -> DetachKeys.parse("ctrl-a,"))
                .hasMessage("Unknown character: ''");
    }

    @Test
    void defaultIsCtrlPCtrlQ() {
        assertThat(DetachKeys.DEFAULT.bytes()).containsExactly(16, 17);
    }

    @Test
    void anUnsetOptionMeansTheDefault() {
        assertThat(DetachKeys.fromOption(null)).isEqualTo(DetachKeys.DEFAULT);
        assertThat(DetachKeys.fromOption("")).isEqualTo(DetachKeys.DEFAULT);
    }

    @Test
    void aSetOptionIsParsed() {
        assertThat(DetachKeys.fromOption("ctrl-e").bytes()).containsExactly(5);
    }

    @Test
    void keepsTheSpecItWasParsedFrom() {
        assertThat(DetachKeys.parse("ctrl-x,ctrl-y").spec()).isEqualTo("ctrl-x,ctrl-y");
    }

    @Test
    void bytesIsACopy() {
        DetachKeys keys = DetachKeys.parse("a");
        keys.bytes()[0] = 'z';
        assertThat(keys.bytes()).containsExactly('a');
    }
}
