package dev.purser.engine.api;

import java.time.Duration;

/**
 * What the HTTP edge holds for a request and how long it waits for one: a JSON body is held in
 * memory up to {@code maxJsonBody} bytes (over it, 413), all bodies in memory together within
 * {@code memoryBudget} bytes (over it, 503), and a request whose bytes stop coming before it is
 * complete is closed after {@code requestDeadline} of silence. Upload bodies (image load and
 * import) go to spool files instead of memory.
 */
public record EdgeLimits(int maxJsonBody, long memoryBudget, Duration requestDeadline) {
    public static final int MAX_JSON_BODY = 16 << 20;
    /** Docker's (Go's) default limit on the request line and headers together. */
    static final int MAX_HEADER_BYTES = 8 << 10;
    /**
     * What a JSON body costs the heap while its endpoint runs, per byte of body: the bytes, the
     * parser's UTF-16 text buffer, and the strings it makes.
     */
    static final int HEAP_PER_BODY_BYTE = 4;

    public EdgeLimits {
        if (maxJsonBody <= 0 || memoryBudget <= 0 || requestDeadline.isNegative() || requestDeadline.isZero()) {
            throw new IllegalArgumentException("edge limits must be positive: " + maxJsonBody + ", " + memoryBudget
                    + ", " + requestDeadline);
        }
    }

    /**
     * The daemon's: 16 MB per JSON body, a quarter of the heap for bodies in memory (their parsed
     * size counted), and a minute for the rest of a request that has begun.
     */
    public static EdgeLimits forThisHeap() {
        return new EdgeLimits(MAX_JSON_BODY, Runtime.getRuntime().maxMemory() / 4, Duration.ofSeconds(60));
    }

    public EdgeLimits withRequestDeadline(Duration deadline) {
        return new EdgeLimits(maxJsonBody, memoryBudget, deadline);
    }

    /** What holding a JSON body of {@code bodyBytes} costs against the budget. */
    static long heapCost(long bodyBytes) {
        return bodyBytes * HEAP_PER_BODY_BYTE;
    }
}
