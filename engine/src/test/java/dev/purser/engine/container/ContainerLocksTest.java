package dev.purser.engine.container;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** One container's operations one at a time, different containers' at once. */
class ContainerLocksTest {
    @Test
    void aSecondHolderOfTheSameIdWaitsForTheFirst() throws Exception {
        ContainerLocks locks = new ContainerLocks();
        CountDownLatch acquired = new CountDownLatch(1);
        CompletableFuture<Void> second;
        try (ContainerLocks.Held first = locks.lock("a")) {
            second = CompletableFuture.runAsync(() -> {
                try (ContainerLocks.Held held = locks.lock("a")) {
                    acquired.countDown();
                }
            });
            assertThat(acquired.await(200, TimeUnit.MILLISECONDS)).isFalse();
        }
        assertThat(acquired.await(10, TimeUnit.SECONDS)).isTrue();
        second.get(10, TimeUnit.SECONDS);
    }

    @Test
    void anotherIdDoesNotWait() throws Exception {
        ContainerLocks locks = new ContainerLocks();
        try (ContainerLocks.Held a = locks.lock("a")) {
            CompletableFuture.runAsync(() -> {
                try (ContainerLocks.Held b = locks.lock("b")) {
                    // got it while "a" is held
                }
            }).get(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void theSameThreadMayTakeItAgain() {
        ContainerLocks locks = new ContainerLocks();
        try (ContainerLocks.Held outer = locks.lock("a"); ContainerLocks.Held inner = locks.lock("a")) {
            assertThat(locks.size()).isEqualTo(1);
        }
    }

    @Test
    void aLockNobodyHoldsOrWaitsForIsForgotten() {
        ContainerLocks locks = new ContainerLocks();
        try (ContainerLocks.Held a = locks.lock("a"); ContainerLocks.Held b = locks.lock("b")) {
            assertThat(locks.size()).isEqualTo(2);
        }
        assertThat(locks.size()).isZero();
    }
}
