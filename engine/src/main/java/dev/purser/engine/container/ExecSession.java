package dev.purser.engine.container;

import dev.purser.engine.runtime.ContainerLaunch;
import dev.purser.engine.runtime.Linux;
import dev.purser.engine.runtime.ProcessSpec;
import dev.purser.engine.runtime.StageFailure;
import dev.purser.engine.runtime.StageProcess;
import java.nio.file.Path;
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

    /**
     * Starts {@code process} inside the container whose init is {@code initPid}; output goes to
     * {@code output} as it comes. Fails with {@link ContainerStartException} (126, 127) when
     * the command cannot run.
     */
    static ExecSession start(Linux linux, Path stageBinary, int initPid, ProcessSpec process, ExecRequest request,
            OutputListener output, String threadName) {
        ProcessStdio stdio = request.tty() ? ProcessStdio.tty(linux) : ProcessStdio.pipes(linux, request.attachStdin());
        StageProcess stage;
        try {
            stage = StageProcess.launch(linux, stageBinary, ContainerLaunch.execArguments(initPid, process),
                    stdio.childFds());
        } catch (RuntimeException e) {
            stdio.closeEverything();
            throw e;
        }
        stdio.closeChildEnds();
        // a terminal's output can only be read once the stage has sent it
        List<StreamPump> pumps = stdio.isTty() ? List.of() : stdio.pump(output, threadName);
        try {
            int pid = ContainerLauncher.awaitStart(stage.started());
            if (stdio.isTty()) {
                stdio.attachTerminal(stage.ptyMaster());
                pumps = stdio.pump(output, threadName);
            }
            return new ExecSession(stage, stdio, pumps, pid);
        } catch (StageFailure e) {
            pumps.forEach(StreamPump::join);
            stdio.closeAll();
            throw new ContainerStartException(e.getMessage(), e.exitCode(), e);
        }
    }

    /** The process's host pid. */
    public int pid() {
        return pid;
    }

    ProcessStdio stdio() {
        return stdio;
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
