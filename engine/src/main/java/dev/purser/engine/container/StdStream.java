package dev.purser.engine.container;

/** The three standard streams; the numbers are Docker's stream ids in multiplexed frames. */
public enum StdStream {
    STDIN(0), STDOUT(1), STDERR(2);

    private final int id;

    StdStream(int id) {
        this.id = id;
    }

    public int id() {
        return id;
    }

    /** json-file's name for the stream. */
    public String logName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
