package dev.purser.engine.container;

import dev.purser.engine.cgroup.Cgroup;
import dev.purser.engine.runtime.Overlay;
import dev.purser.engine.runtime.StageProcess;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

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
    private final CompletableFuture<Void> exitRecorded = new CompletableFuture<>();

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

    /** Waits for the process to exit, up to the timeout (negative: for ever); true once it has. */
    boolean awaitExit(int timeoutSeconds) {
        try {
            if (timeoutSeconds < 0) {
                stage.exited().get();
            } else {
                stage.exited().get(timeoutSeconds, TimeUnit.SECONDS);
            }
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (ExecutionException e) {
            return true;
        }
    }

    /** The engine has written the exit down: the container is no longer running in its records. */
    void exitRecorded() {
        exitRecorded.complete(null);
    }

    /** Waits (up to 30 s) until the exit handler, which runs on the stage's thread, has recorded the exit. */
    void awaitExitRecorded() {
        try {
            exitRecorded.get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            // recorded or not, the caller goes on as it did before waiting
        }
    }
}
