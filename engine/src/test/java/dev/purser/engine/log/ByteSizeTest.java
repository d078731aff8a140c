package dev.purser.engine.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ByteSizeTest {
    @Test
    void decimalUnitsLikeGoUnitsFromHumanSize() {
        assertThat(ByteSize.parse("10m")).isEqualTo(10_000_000);
        assertThat(ByteSize.parse("1k")).isEqualTo(1000);
        assertThat(ByteSize.parse("1KB")).isEqualTo(1000);
        assertThat(ByteSize.parse("1kib")).isEqualTo(1000);
        assertThat(ByteSize.parse("1.5g")).isEqualTo(1_500_000_000L);
        assertThat(ByteSize.parse("512")).isEqualTo(512);
        assertThat(ByteSize.parse("512b")).isEqualTo(512);
        assertThat(ByteSize.parse("3 MB")).isEqualTo(3_000_000);
    }

    @Test
    void errors() {
        assertThatThrownBy(() -> ByteSize.parse("abc")).hasMessage("invalid size: 'abc'");
        assertThatThrownBy(() -> ByteSize.parse("10x")).hasMessage("invalid suffix: 'x'");
        assertThatThrownBy(() -> ByteSize.parse("10mbb")).hasMessage("invalid suffix: 'mbb'");
        assertThatThrownBy(() -> ByteSize.parse("-1m")).hasMessage("invalid size: '-1m'");
    }

    @Test
    void rotationPolicyFromLogOpts() {
        assertThat(RotationPolicy.fromLogOpts(null, null)).isEqualTo(RotationPolicy.none());
        assertThat(RotationPolicy.fromLogOpts("10m", "3")).isEqualTo(new RotationPolicy(10_000_000, 3));
        assertThatThrownBy(() -> RotationPolicy.fromLogOpts("0", null)).hasMessage("max-size must be a positive number");
        assertThatThrownBy(() -> RotationPolicy.fromLogOpts("1k", "0")).hasMessage("max-file cannot be less than 1");
    }
}
