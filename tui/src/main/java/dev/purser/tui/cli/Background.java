package dev.purser.tui.cli;

import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * Blocking work (a wait on the daemon, a stream copy) on its own daemon thread. Never the common
 * ForkJoin pool: on a small machine it has one worker, and a wait that blocks until the container
 * exits would starve the output copy the exit depends on.
 */
final class Background {
    private Background() {}

    static <T> CompletableFuture<T> supply(String name, Supplier<T> work) {
        CompletableFuture<T> result = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            try {
                result.complete(work.get());
            } catch (Throwable t) {
                result.completeExceptionally(t);
            }
        }, name);
        thread.setDaemon(true);
        thread.start();
        return result;
    }
}
