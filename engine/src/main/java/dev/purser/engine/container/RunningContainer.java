package dev.purser.engine.container;

import dev.purser.engine.cgroup.Cgroup;
import dev.purser.engine.runtime.Overlay;
import dev.purser.engine.runtime.StageProcess;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * What the engine holds for a container while its process lives: the stage that monitors it,
 * its root filesystem mount, its cgroup, the pumps that copy its output, and the listeners
 * (log, attached clients) that output goes to.
 */
final class RunningContainer {
    final String id;
    final StageProcess stage;
    final Overlay overlay;
    final Cgroup cgroup;
    final int pid;
    final ProcessStdio stdio;
    final java.time.Instant startedAt = java.time.Instant.now();
    private final List<OutputListener> listeners = new CopyOnWriteArrayList<>();
    private List<StreamPump> pumps = List.of();
    private volatile dev.purser.engine.log.JsonFileWriter logWriter;

    RunningContainer(String id, StageProcess stage, Overlay overlay, Cgroup cgroup, int pid, ProcessStdio stdio) {
        this.id = id;
        this.stage = stage;
        this.overlay = overlay;
        this.cgroup = cgroup;
        this.pid = pid;
        this.stdio = stdio;
    }

    /** The log is the first listener: everything the container writes is logged before anyone else sees it. */
    void log(LogListener log) {
        this.logWriter = log.writer();
        listeners.add(0, log);
    }

    dev.purser.engine.log.JsonFileWriter logWriter() {
        return logWriter;
    }

    void pumps(List<StreamPump> started) {
        this.pumps = List.copyOf(started);
    }

    /** Delivers output to every listener; one failing listener does not starve the others. */
    void deliver(StdStream stream, byte[] data, int length) {
        for (OutputListener l : listeners) {
            try {
                l.output(stream, data, length);
            } catch (RuntimeException e) {
                listeners.remove(l);
            }
        }
    }

    void addListener(OutputListener listener) {
        listeners.add(listener);
    }

    /** Waits until all output of the process has been delivered. */
    void drain() {
        pumps.forEach(StreamPump::join);
    }
}
