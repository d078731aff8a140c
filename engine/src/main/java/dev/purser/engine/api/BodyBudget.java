package dev.purser.engine.api;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The heap every request body in memory may take together. A request reserves its share as its
 * body arrives and gives it back when its endpoint has finished, however it finished; a request
 * that would go over the budget is answered 503 instead of taking the daemon down.
 */
final class BodyBudget {
    private final long limit;
    private final AtomicLong reserved = new AtomicLong();

    BodyBudget(long limit) {
        this.limit = limit;
    }

    /** Takes {@code bytes} from the budget, or nothing (and false) when they are not there. */
    boolean tryReserve(long bytes) {
        while (true) {
            long now = reserved.get();
            if (now + bytes > limit) {
                return false;
            }
            if (reserved.compareAndSet(now, now + bytes)) {
                return true;
            }
        }
    }

    void release(long bytes) {
        reserved.addAndGet(-bytes);
    }

    long reserved() {
        return reserved.get();
    }

    long limit() {
        return limit;
    }
}
