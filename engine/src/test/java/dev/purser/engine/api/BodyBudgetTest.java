package dev.purser.engine.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BodyBudgetTest {
    @Test
    void reservationsWithinTheLimitAreGranted() {
        BodyBudget budget = new BodyBudget(100);
        assertThat(budget.tryReserve(60)).isTrue();
        assertThat(budget.tryReserve(40)).isTrue();
        assertThat(budget.reserved()).isEqualTo(100);
    }

    @Test
    void aReservationOverTheLimitTakesNothing() {
        BodyBudget budget = new BodyBudget(100);
        budget.tryReserve(60);
        assertThat(budget.tryReserve(41)).isFalse();
        assertThat(budget.reserved()).isEqualTo(60);
    }

    @Test
    void releasedBytesCanBeReservedAgain() {
        BodyBudget budget = new BodyBudget(100);
        budget.tryReserve(100);
        budget.release(100);
        assertThat(budget.tryReserve(100)).isTrue();
    }
}
