package dev.purser.tui.dashboard;

import static dev.purser.tui.dashboard.PlainWords.plain;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

/**
 * Daemon calls off the UI thread: each runs on a worker and its result (or its failure, in plain
 * words on the status line) comes back to the {@link UiLoop} as a task.
 */
final class Background {
    private final UiLoop loop;
    private final DashboardState state;
    private final ExecutorService work = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "purser-dashboard-work");
        t.setDaemon(true);
        return t;
    });

    Background(UiLoop loop, DashboardState state) {
        this.loop = loop;
        this.state = state;
    }

    /** Calls {@code call} on a worker, then {@code then} with its value on the loop; a failure goes to the status line. */
    <T> void call(Callable<T> call, Consumer<T> then) {
        call(call, then, e -> state.failed(plain(e)));
    }

    /** As {@link #call(Callable, Consumer)}, with {@code onFailure} (on the loop) deciding what a failure shows. */
    <T> void call(Callable<T> call, Consumer<T> then, Consumer<Exception> onFailure) {
        work.execute(() -> {
            try {
                T value = call.call();
                loop.execute(() -> {
                    then.accept(value);
                    loop.redraw();
                });
            } catch (Exception e) {
                loop.execute(() -> {
                    onFailure.accept(e);
                    loop.redraw();
                });
            }
        });
    }

    /** Runs {@code task} on a worker, after {@code millis}: for a reconnect that should not hammer a daemon that is gone. */
    void later(long millis, Runnable task) {
        work.execute(() -> {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            loop.execute(task);
        });
    }

    void shutdown() {
        work.shutdownNow();
    }
}
