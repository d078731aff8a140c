package dev.purser.engine.event;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Publishes engine events to live subscribers and keeps the most recent ones (Docker keeps
 * 1024 too) so a client asking for {@code since} a past time gets them replayed.
 */
public final class EventBus {
    static final int HISTORY = 1024;

    private final Deque<Event> history = new ArrayDeque<>();
    private final List<Consumer<Event>> subscribers = new CopyOnWriteArrayList<>();
    private long lastNanos;

    public void publish(String type, String action, String actorId, Map<String, String> attributes) {
        synchronized (history) {
            Instant now = Instant.now();
            long nanos = now.getEpochSecond() * 1_000_000_000L + now.getNano();
            // strictly increasing, so since/until comparisons never tie two different events
            nanos = Math.max(nanos, lastNanos + 1);
            lastNanos = nanos;
            Event event = Event.of(type, action, actorId, attributes, nanos);
            history.addLast(event);
            if (history.size() > HISTORY) {
                history.removeFirst();
            }
            // delivered under the lock so a new subscriber's replay and its live events never overlap;
            // subscribers only queue the event, they never block here
            for (Consumer<Event> s : subscribers) {
                try {
                    s.accept(event);
                } catch (RuntimeException e) {
                    subscribers.remove(s);
                }
            }
        }
    }

    /**
     * Subscribes, and replays the kept events newer than {@code sinceNanos} first (none when
     * negative). No event is lost or duplicated between the replay and the live ones.
     */
    public Subscription subscribe(long sinceNanos, Consumer<Event> subscriber) {
        List<Event> replay = new ArrayList<>();
        synchronized (history) {
            if (sinceNanos >= 0) {
                for (Event e : history) {
                    if (e.timeNano() > sinceNanos) {
                        replay.add(e);
                    }
                }
            }
            replay.forEach(subscriber);
            subscribers.add(subscriber);
        }
        return () -> subscribers.remove(subscriber);
    }

    /** Ends a subscription. */
    @FunctionalInterface
    public interface Subscription extends AutoCloseable {
        @Override
        void close();
    }
}
