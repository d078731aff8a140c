package dev.purser.engine.container;

import dev.purser.engine.log.JsonFileReader;
import dev.purser.engine.log.LogCursor;
import dev.purser.engine.log.LogFileSet;
import dev.purser.engine.log.LogQuery;
import java.util.Map;
import java.util.function.Function;

/**
 * The containers' json-file logs as {@code docker logs} reads them: what was written, and with
 * {@code follow} what a running container goes on writing.
 */
public final class ContainerLogs {
    private final Function<String, Container> lookup;
    private final Map<String, RunningContainer> running;
    private final ContainerStore store;

    ContainerLogs(Function<String, Container> lookup, Map<String, RunningContainer> running, ContainerStore store) {
        this.lookup = lookup;
        this.running = running;
        this.store = store;
    }

    /**
     * Reads the container's json-file log; with {@code follow}, new records keep coming until
     * the container stops or the cursor is closed.
     */
    public LogCursor read(String reference, LogQuery query) {
        Container c = lookup.apply(reference);
        LogFileSet files = LogFileSet.forContainer(store.directory(c.id()), c.id());
        RunningContainer rc = running.get(c.id());
        JsonFileReader reader = rc != null && query.follow()
                ? new JsonFileReader(files, rc.logWriter().activity())
                : new JsonFileReader(files);
        return reader.read(query);
    }
}
