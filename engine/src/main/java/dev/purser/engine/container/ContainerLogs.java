package dev.purser.engine.container;

import dev.purser.engine.log.JsonFileReader;
import dev.purser.engine.log.LogCursor;
import dev.purser.engine.log.LogFileSet;
import dev.purser.engine.log.LogQuery;

/**
 * The containers' json-file logs as {@code docker logs} reads them: what was written, and with
 * {@code follow} what a running container goes on writing.
 */
public final class ContainerLogs {
    private final ContainerLookup containers;
    private final ContainerStore store;

    ContainerLogs(ContainerLookup containers, ContainerStore store) {
        this.containers = containers;
        this.store = store;
    }

    /**
     * Reads the container's json-file log; with {@code follow}, new records keep coming until
     * the container stops or the cursor is closed.
     */
    public LogCursor read(String reference, LogQuery query) {
        Container c = containers.get(reference);
        LogFileSet files = LogFileSet.forContainer(store.directory(c.id()), c.id());
        RunningContainer rc = containers.process(c.id());
        JsonFileReader reader = rc != null && query.follow()
                ? new JsonFileReader(files, rc.logWriter().activity())
                : new JsonFileReader(files);
        return reader.read(query);
    }
}
