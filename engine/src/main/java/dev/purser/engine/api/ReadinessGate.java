package dev.purser.engine.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The daemon's routes while its engine is still opening (crash recovery, restart policies): the
 * socket already answers {@code /_ping}, and every other request is held until the engine is
 * open, then served by it; never from half-loaded state (docs/decisions/0040). When the engine
 * cannot open, held and later requests get the reason as a 500.
 */
public final class ReadinessGate {
    private final Router early;
    private final CompletableFuture<Router> routes;
    /** Told once the engine is open or failed; guarded by this. */
    private final List<Runnable> waiting = new ArrayList<>();
    private boolean settling;
    private final CompletableFuture<Void> settled = new CompletableFuture<>();

    private ReadinessGate(Router early, CompletableFuture<Router> routes) {
        this.early = early;
        this.routes = routes;
        routes.whenComplete((r, t) -> settle());
    }

    private void settle() {
        List<Runnable> now;
        synchronized (this) {
            settling = true;
            now = List.copyOf(waiting);
            waiting.clear();
        }
        now.forEach(Runnable::run);
        settled.complete(null);
    }

    /** Completes once every request held so far has been handed back to its connection. */
    public CompletableFuture<Void> settled() {
        return settled;
    }

    /** Every route served at once: an engine that is open already. */
    public static ReadinessGate open(Router routes) {
        return new ReadinessGate(new Router(), CompletableFuture.completedFuture(routes));
    }

    /** {@code /_ping} now, everything else once {@code routes} completes. */
    public static ReadinessGate pending(CompletableFuture<Router> routes) {
        return new ReadinessGate(SystemApi.pingRoutes(new Router()), routes);
    }

    /** Whether the request must wait for the engine: not yet open, and not a route served before it is. */
    boolean holds(String method, String path) {
        return !routes.isDone() && early.match(method, path).isEmpty();
    }

    /** Runs {@code then} once the engine is open or has failed to open. */
    void whenSettled(Runnable then) {
        synchronized (this) {
            if (!settling) {
                waiting.add(then);
                return;
            }
        }
        then.run();
    }

    /** The route of a request, from every route once the engine is open, else from the early ones. */
    Optional<Router.Match> match(String method, String path) {
        Router all = routes.isDone() && !routes.isCompletedExceptionally() ? routes.join() : early;
        return all.match(method, path);
    }

    /** Why the engine could not open, once it failed. */
    Optional<String> failure() {
        if (!routes.isCompletedExceptionally()) {
            return Optional.empty();
        }
        try {
            routes.join();
            return Optional.empty();
        } catch (CompletionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            return Optional.of("the purser daemon could not open its state: " + cause.getMessage());
        } catch (java.util.concurrent.CancellationException e) {
            return Optional.of("the purser daemon is shutting down");
        }
    }
}
