package dev.purser.engine.container;

import static dev.purser.engine.testing.TestEngine.config;
import static org.assertj.core.api.Assertions.assertThat;

import dev.purser.engine.container.naming.ContainerLookupException;
import dev.purser.engine.testing.HostProcesses;
import dev.purser.engine.testing.TestEngine;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 9's ghost containers: {@code start & rm -f & start & kill & restart -t 0} at once on one
 * container. Whatever order they land in, no process may outlive its container's record, and
 * every operation either works or answers with one of Docker's errors.
 */
class ContainerRaceIT {
    static final int ROUNDS = 100;
    static TestEngine engine;
    static Containers containers;

    @BeforeAll
    static void startEngine() {
        engine = TestEngine.start();
        containers = engine.engine().containers();
    }

    @AfterAll
    static void stopEngine() {
        engine.close();
    }

    @Test
    void racingOperationsOnOneContainerLeaveNoProcessWithoutARecord() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(5);
        List<String> unexpected = new CopyOnWriteArrayList<>();
        List<String> ghosts = new ArrayList<>();
        try {
            for (int round = 0; round < ROUNDS; round++) {
                String id = containers.create(new CreateRequest(null, config("sleep", "1000"), null)).id();
                List<Runnable> ops = List.of(
                        () -> containers.start(id),
                        () -> containers.remove(id, true),
                        () -> containers.start(id),
                        () -> containers.kill(id, "SIGKILL"),
                        () -> containers.restart(id, 0));
                CyclicBarrier together = new CyclicBarrier(ops.size());
                List<Future<?>> done = new ArrayList<>();
                for (Runnable op : ops) {
                    done.add(pool.submit(() -> {
                        together.await();
                        try {
                            op.run();
                        } catch (ContainerLookupException | ContainerConflictException | NotModifiedException e) {
                            // Docker's answers to an operation that lost the race
                        } catch (RuntimeException e) {
                            unexpected.add(e.toString());
                        }
                        return null;
                    }));
                }
                for (Future<?> f : done) {
                    f.get(120, TimeUnit.SECONDS);
                }
                if (containers.list().stream().anyMatch(c -> c.id().equals(id))) {
                    containers.remove(id, true);
                }
                if (!awaitNoProcessOf(id)) {
                    ghosts.add(id);
                    HostProcesses.kill(HostProcesses.mentioning(id));
                }
            }
        } finally {
            pool.shutdownNow();
        }
        System.out.printf("race: %d rounds, %d left a process without a record, %d unexpected errors%n",
                ROUNDS, ghosts.size(), unexpected.size());
        assertThat(ghosts).as("containers whose process outlived their record").isEmpty();
        assertThat(unexpected).as("errors other than Docker's conflict, not-found and not-modified").isEmpty();
    }

    /** True once no process of the container is left (a killed stage takes a moment to go). */
    static boolean awaitNoProcessOf(String id) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            if (HostProcesses.mentioning(id).isEmpty()) {
                return true;
            }
            Thread.sleep(20);
        }
        return false;
    }
}
