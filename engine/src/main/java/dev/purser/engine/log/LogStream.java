package dev.purser.engine.log;

/** Which of a container's output streams a record came from; the name is what the file stores. */
public enum LogStream {
    STDOUT("stdout"),
    STDERR("stderr");

    private final String wireName;

    LogStream(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    /** @throws IllegalArgumentException for anything but {@code stdout} and {@code stderr} */
    public static LogStream fromWireName(String name) {
        for (LogStream s : values()) {
            if (s.wireName.equals(name)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown log stream: " + name);
    }
}
