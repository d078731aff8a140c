package dev.purser.tui.format;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HumanSizeTest {
    @Test void bytesHaveNoDecimals() { assertThat(HumanSize.of(5)).isEqualTo("5B"); }

    @Test void megabytesUseThreeSignificantDigits() { assertThat(HumanSize.of(1_243_000)).isEqualTo("1.24MB"); }

    @Test void unitsAreDecimalKilo() { assertThat(HumanSize.of(1000)).isEqualTo("1kB"); }

    @Test void trailingZerosAreDropped() { assertThat(HumanSize.of(7_800_000)).isEqualTo("7.8MB"); }

    @Test void largeValuesRoundToThreeDigits() { assertThat(HumanSize.of(123_456_789)).isEqualTo("123MB"); }

    @Test void valuesJustBelowAUnitUseGoExponentForm() { assertThat(HumanSize.of(999_999)).isEqualTo("1e+03kB"); }

    @Test void zeroIsZeroBytes() { assertThat(HumanSize.of(0)).isEqualTo("0B"); }
}
