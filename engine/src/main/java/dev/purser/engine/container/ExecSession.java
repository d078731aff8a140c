package dev.purser.engine.container;

import dev.purser.engine.runtime.StageProcess;
import java.util.List;
import java.util.concurrent.ExecutionException;

/**
 * A process started by exec, while it runs: its input, its terminal size, and its end.
 * Output goes to the listener given at start.
 */
public final class ExecSession {
    private final StageProcess stage;
    private final ProcessStdio stdio;
    private final List<StreamPump> pumps;
    private final int pid;

    ExecSession(StageProcess stage, ProcessStdio stdio, List<StreamPump> pumps, int pid) {
        this.stage = stage;
        this.stdio = stdio;
        this.pumps = pumps;
        this.pid = pid;
    }

    /** The process's host pid. */
    public int pid() {
        return pid;
    }

    public boolean write(byte[] data) {
        return stdio.write(data);
    }

    public void closeInput() {
        stdio.closeInput();
    }

    public void resize(int rows, int cols) {
        stdio.resize(rows, cols);
    }

    /** Waits for the process to end and its output to be delivered; returns the exit code. */
    public int await() {
        try {
            int code = stage.exited().get();
            pumps.forEach(StreamPump::join);
            return code;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for exec", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } finally {
            stdio.closeAll();
        }
    }
}
