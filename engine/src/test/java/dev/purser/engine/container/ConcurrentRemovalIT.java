package dev.purser.engine.container;

import static dev.purser.engine.testing.TestEngine.config;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.purser.engine.Engine;
import dev.purser.engine.store.StateRoot;
import dev.purser.engine.testing.TestEngine;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A second {@code rm} while one is under way gets Docker's conflict at once instead of waiting for it. */
class ConcurrentRemovalIT {
    final CountDownLatch marked = new CountDownLatch(1);
    final CountDownLatch release = new CountDownLatch(1);
    TestEngine images = TestEngine.start();

    @AfterEach
    void cleanUp() {
        release.countDown();
        images.close();
    }

    /** Holds every removal just after its record says removing, until the test releases it. */
    private void holdAtMarked(String id, RemovalStep step) {
        if (step != RemovalStep.MARKED) return;
        marked.countDown();
        try {
            release.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void aSecondRemovalWhileOneIsUnderWayIsAConflict() throws Exception {
        try (Engine engine = Engine.open(new StateRoot(images.root()), "purser-it", null, dev.purser.engine.network.BridgeOptions.defaults(), null, this::holdAtMarked)) {
            Containers containers = engine.containers();
            String id = containers.create(new CreateRequest("leaving", config("true"), null)).id();
            CompletableFuture<Void> first = CompletableFuture.runAsync(() -> containers.remove(id, false));
            assertThat(marked.await(30, TimeUnit.SECONDS)).as("the first removal reached MARKED").isTrue();

            assertThatThrownBy(() -> containers.remove("leaving", true))
                    .isInstanceOf(ContainerConflictException.class)
                    .hasMessage("removal of container leaving is already in progress");

            release.countDown();
            first.get(30, TimeUnit.SECONDS);
            assertThat(containers.list()).extracting(Container::id).doesNotContain(id);
        }
    }
}
