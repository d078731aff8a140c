package dev.purser.engine.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class EdgeLimitsTest {
    @Test
    void theDaemonsBudgetIsAQuarterOfTheHeap() {
        assertThat(EdgeLimits.forThisHeap().memoryBudget()).isEqualTo(Runtime.getRuntime().maxMemory() / 4);
    }

    @Test
    void aBodyCostsItsParsedSizeAgainstTheBudget() {
        assertThat(EdgeLimits.heapCost(1000)).isEqualTo(4000);
    }

    @Test
    void aZeroDeadlineIsRefused() {
        assertThatThrownBy(() -> EdgeLimits.forThisHeap().withRequestDeadline(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must be positive");
    }

    @Test
    void withRequestDeadlineKeepsTheOtherLimits() {
        EdgeLimits limits = new EdgeLimits(10, 20, Duration.ofSeconds(3)).withRequestDeadline(Duration.ofSeconds(9));
        assertThat(limits).isEqualTo(new EdgeLimits(10, 20, Duration.ofSeconds(9)));
    }
}
