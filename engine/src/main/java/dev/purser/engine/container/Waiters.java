package dev.purser.engine.container;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/** Those waiting for a container's next exit or for its removal (Docker's wait conditions). */
final class Waiters {
    private final Map<String, CompletableFuture<Integer>> nextExit = new ConcurrentHashMap<>();
    private final Map<String, CompletableFuture<Integer>> removal = new ConcurrentHashMap<>();

    CompletableFuture<Integer> nextExit(String id) {
        return nextExit.computeIfAbsent(id, k -> new CompletableFuture<>());
    }

    CompletableFuture<Integer> removal(String id) {
        return removal.computeIfAbsent(id, k -> new CompletableFuture<>());
    }

    void exited(String id, int code) {
        complete(nextExit.remove(id), code);
    }

    void removed(String id, int code) {
        complete(removal.remove(id), code);
    }

    private static void complete(CompletableFuture<Integer> waiter, int code) {
        if (waiter != null) {
            waiter.complete(code);
        }
    }
}
