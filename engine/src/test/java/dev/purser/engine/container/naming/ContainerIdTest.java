package dev.purser.engine.container.naming;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ContainerIdTest {
    @Test
    void generatesSixtyFourLowercaseHexWithNonNumericShortForm() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 2000; i++) {
            ContainerId id = ContainerId.generate();
            assertThat(id.value()).matches("[0-9a-f]{64}");
            assertThat(id.shortId()).hasSize(12).isEqualTo(id.value().substring(0, 12));
            assertThat(ContainerId.allDigits(id.shortId())).isFalse();
            assertThat(seen.add(id.value())).isTrue();
        }
    }

    @Test
    void rejectsWhatIsNotAnId() {
        assertThatThrownBy(() -> new ContainerId("ABC")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ContainerId("a".repeat(63))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ContainerId("A".repeat(64))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void allDigitsCheck() {
        assertThat(ContainerId.allDigits("123456789012")).isTrue();
        assertThat(ContainerId.allDigits("12345678901a")).isFalse();
    }
}
