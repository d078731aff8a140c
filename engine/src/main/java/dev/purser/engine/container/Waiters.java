package dev.purser.engine.container;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/** Those waiting for a container's next exit or for its removal (Docker's wait conditions). */
final class Waiters {
    private final Map<String, CompletableFuture<Integer>> nextExit = new ConcurrentHashMap<>();
    private final Map<String, CompletableFuture<Integer>> removal = new ConcurrentHashMap<>();

    /**
     * Docker's {@code wait} conditions: {@code not-running} (at once with {@code exitCode} when the
     * container is {@code notRunning} now, else at its next exit), {@code next-exit} (the next
     * exit, even of a container not yet started), {@code removed}.
     */
    CompletableFuture<Integer> forCondition(String id, String condition, boolean notRunning, int exitCode) {
        return switch (condition == null || condition.isEmpty() ? "not-running" : condition) {
            case "not-running" -> notRunning ? CompletableFuture.completedFuture(exitCode) : nextExit(id);
            case "next-exit" -> nextExit(id);
            case "removed" -> removal(id);
            default -> throw new IllegalArgumentException("invalid condition: \"" + condition + "\"");
        };
    }

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
