package dev.purser.engine.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.BooleanSupplier;

/**
 * The daemon's routes while its engine is still opening. The socket answers {@code /_ping} at
 * once; reads of the state (listings, inspections, logs, version, events) once the state is
 * loaded and true ({@code routes}); every other request once the crash recovery has finished
 * ({@code recovered}). A request is held until it may go, then served by the engine; never from
 * half-loaded state (docs/decisions/0040, 0058). When the engine cannot open, held and later
 * requests get the reason as a 500.
 */
public final class ReadinessGate {
    private static final Endpoint NOT_SERVED_HERE = x -> {
        throw new IllegalStateException("only matched, never served");
    };

    private final Router early;
    /** What may be served before the recovery has finished: GETs that read the records only. */
    private final Router reads = new Router()
            .add("GET", "/version", NOT_SERVED_HERE)
            .add("GET", "/info", NOT_SERVED_HERE)
            .add("GET", "/events", NOT_SERVED_HERE)
            .add("GET", "/containers/json", NOT_SERVED_HERE)
            .add("GET", "/containers/{id}/json", NOT_SERVED_HERE)
            .add("GET", "/containers/{id}/logs", NOT_SERVED_HERE)
            .add("GET", "/images/json", NOT_SERVED_HERE)
            .add("GET", "/images/{name:.+}/json", NOT_SERVED_HERE)
            .add("GET", "/images/{name:.+}/history", NOT_SERVED_HERE)
            .add("GET", "/networks", NOT_SERVED_HERE)
            .add("GET", "/networks/{id}", NOT_SERVED_HERE)
            .add("GET", "/volumes", NOT_SERVED_HERE)
            .add("GET", "/volumes/{name}", NOT_SERVED_HERE);
    private final CompletableFuture<Router> routes;
    private final CompletableFuture<Void> recovered;
    /** Told at each step (routes, recovered) or failure; guarded by this. */
    private final List<Runnable> waiting = new ArrayList<>();
    private final CompletableFuture<Void> settled = new CompletableFuture<>();
    /** Held while a step hands requests back: one step at a time, so the last sees all handed back. */
    private final Object steps = new Object();

    private ReadinessGate(Router early, CompletableFuture<Router> routes, CompletableFuture<Void> recovered) {
        this.early = early;
        this.routes = routes;
        this.recovered = recovered;
        routes.whenComplete((r, t) -> step());
        recovered.whenComplete((r, t) -> step());
    }

    /** Hands every held request back to its connection, which holds it again if it still must wait. */
    private void step() {
        synchronized (steps) {
            List<Runnable> now;
            synchronized (this) {
                now = List.copyOf(waiting);
                waiting.clear();
            }
            now.forEach(Runnable::run);
            if (routes.isDone() && recovered.isDone()) {
                settled.complete(null);
            }
        }
    }

    /** Completes once both steps are done (or failed) and every request held so far has been handed back. */
    public CompletableFuture<Void> settled() {
        return settled;
    }

    /** Every route served at once: an engine that is open already. */
    public static ReadinessGate open(Router routes) {
        return new ReadinessGate(new Router(), CompletableFuture.completedFuture(routes), CompletableFuture.completedFuture(null));
    }

    /**
     * {@code /_ping} now, reads once {@code routes} completes, everything else once
     * {@code recovered} completes too.
     */
    public static ReadinessGate pending(CompletableFuture<Router> routes, CompletableFuture<Void> recovered) {
        return new ReadinessGate(SystemApi.pingRoutes(new Router()), routes, recovered);
    }

    /** Whether the request must wait: its step is not done, and it is not a route served before it. */
    boolean holds(String method, String path) {
        if (early.match(method, path).isPresent()) {
            return false;
        }
        if (!routes.isDone()) {
            return true;
        }
        return !recovered.isDone() && !routes.isCompletedExceptionally() && reads.match(method, path).isEmpty();
    }

    /**
     * Runs {@code then} at the next step, or at once if the request ({@code stillHeld}, asked
     * again here) may go already: a step may have come since the request was held.
     */
    void whenSettled(BooleanSupplier stillHeld, Runnable then) {
        synchronized (this) {
            if (stillHeld.getAsBoolean()) {
                waiting.add(then);
                return;
            }
        }
        then.run();
    }

    /** The route of a request, from every route once the state is loaded, else from the early ones. */
    Optional<Router.Match> match(String method, String path) {
        Router all = routes.isDone() && !routes.isCompletedExceptionally() ? routes.join() : early;
        return all.match(method, path);
    }

    /** Why the engine could not open, once it failed. */
    Optional<String> failure() {
        for (CompletableFuture<?> step : List.of(routes, recovered)) {
            if (!step.isCompletedExceptionally()) {
                continue;
            }
            try {
                step.join();
            } catch (CompletionException e) {
                Throwable cause = e.getCause() == null ? e : e.getCause();
                return Optional.of("the purser daemon could not open its state: " + cause.getMessage());
            } catch (java.util.concurrent.CancellationException e) {
                return Optional.of("the purser daemon is shutting down");
            }
        }
        return Optional.empty();
    }
}
