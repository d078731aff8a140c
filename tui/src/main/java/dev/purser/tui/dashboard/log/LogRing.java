package dev.purser.tui.dashboard.log;

/**
 * The last {@code capacity} lines of a log, oldest first; appending to a full ring forgets the
 * oldest line. A log view's memory is this ring, whatever the container prints and however long
 * the dashboard runs.
 */
public final class LogRing {
    private final LogLine[] lines;
    private int first;
    private int size;
    private long dropped;

    public LogRing(int capacity) {
        if (capacity <= 0) throw new IllegalArgumentException("capacity must be positive");
        this.lines = new LogLine[capacity];
    }

    public void add(LogLine line) {
        if (size < lines.length) {
            lines[(first + size) % lines.length] = line;
            size++;
        } else {
            lines[first] = line;
            first = (first + 1) % lines.length;
            dropped++;
        }
    }

    /** The {@code i}th line kept, 0 being the oldest. */
    public LogLine get(int i) {
        if (i < 0 || i >= size) throw new IndexOutOfBoundsException(i);
        return lines[(first + i) % lines.length];
    }

    public int size() {
        return size;
    }

    public int capacity() {
        return lines.length;
    }

    /** How many lines were forgotten to make room. */
    public long dropped() {
        return dropped;
    }

    public void clear() {
        java.util.Arrays.fill(lines, null);
        first = 0;
        size = 0;
        dropped = 0;
    }
}
