package dev.purser.engine.log;

import java.time.Instant;

/**
 * What {@code docker logs} asked for. {@code since}/{@code until} may be null (no bound);
 * {@code tail} is the number of last records, -1 for all. As in Docker, tail counts records of
 * both streams before the stream filter applies, and since/until apply to what tail selected.
 */
public record LogQuery(Instant since, Instant until, int tail, boolean stdout, boolean stderr, boolean follow) {
    public static final int ALL = -1;

    public LogQuery {
        if (tail < ALL) {
            throw new IllegalArgumentException("tail must be -1 (all) or a count: " + tail);
        }
        if (!stdout && !stderr) {
            // Docker's words for a request that could never return anything.
            throw new IllegalArgumentException("You must choose at least one stream");
        }
    }

    /** Everything, both streams, no follow. */
    public static LogQuery all() {
        return new LogQuery(null, null, ALL, true, true, false);
    }

    public LogQuery withTail(int n) {
        return new LogQuery(since, until, n, stdout, stderr, follow);
    }

    public LogQuery withFollow(boolean f) {
        return new LogQuery(since, until, tail, stdout, stderr, f);
    }

    public LogQuery withSince(Instant s) {
        return new LogQuery(s, until, tail, stdout, stderr, follow);
    }

    public LogQuery withUntil(Instant u) {
        return new LogQuery(since, u, tail, stdout, stderr, follow);
    }

    public LogQuery withStreams(boolean out, boolean err) {
        return new LogQuery(since, until, tail, out, err, follow);
    }

    boolean wants(LogStream s) {
        return s == LogStream.STDOUT ? stdout : stderr;
    }
}
