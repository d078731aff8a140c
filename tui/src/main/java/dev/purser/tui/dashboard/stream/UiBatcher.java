package dev.purser.tui.dashboard.stream;

import io.reactivex.rxjava3.core.FlowableSubscriber;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.reactivestreams.Subscription;

/**
 * Hands a stream's items to the UI thread in batches (lanterna-traps T10: never one UI task per
 * log line): items queue up while one drain task is pending on the UI executor, and that task
 * takes them all at once. It asks upstream for at most {@code window} items beyond what the UI
 * has taken, so a container printing faster than the screen can show holds up the reading of
 * its stream (backpressure down to the socket) instead of filling memory.
 */
public final class UiBatcher<T> implements FlowableSubscriber<T> {
    private final Executor ui;
    private final int window;
    private final Consumer<List<T>> onBatch;
    private final Consumer<Throwable> onEnd;
    private final ConcurrentLinkedQueue<T> queue = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean pending = new AtomicBoolean();
    private volatile Subscription upstream;
    private volatile boolean cancelled;

    /**
     * @param onBatch runs on the UI with the items since the last batch
     * @param onEnd runs on the UI when the stream ends: null for its end, else the error
     */
    public UiBatcher(Executor ui, int window, Consumer<List<T>> onBatch, Consumer<Throwable> onEnd) {
        this.ui = ui;
        this.window = window;
        this.onBatch = onBatch;
        this.onEnd = onEnd;
    }

    @Override
    public void onSubscribe(Subscription s) {
        upstream = s;
        if (cancelled) s.cancel();
        else s.request(window);
    }

    @Override
    public void onNext(T item) {
        queue.offer(item);
        if (pending.compareAndSet(false, true)) ui.execute(this::drain);
    }

    private void drain() {
        pending.set(false);
        if (cancelled) {
            queue.clear();
            return;
        }
        List<T> batch = new ArrayList<>();
        for (T item; (item = queue.poll()) != null; ) batch.add(item);
        if (batch.isEmpty()) return;
        onBatch.accept(batch);
        Subscription s = upstream;
        if (s != null) s.request(batch.size());
    }

    @Override
    public void onError(Throwable t) {
        ui.execute(() -> {
            drain();
            if (!cancelled) onEnd.accept(t);
        });
    }

    @Override
    public void onComplete() {
        ui.execute(() -> {
            drain();
            if (!cancelled) onEnd.accept(null);
        });
    }

    /** Stops the stream; nothing more reaches the UI. */
    public void cancel() {
        cancelled = true;
        Subscription s = upstream;
        if (s != null) s.cancel();
    }
}
