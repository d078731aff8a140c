package dev.purser.engine.container;

import dev.purser.engine.runtime.Linux;
import dev.purser.engine.runtime.LinuxException;
import dev.purser.pty.NativeCallException;
import dev.purser.pty.WindowSize;
import java.util.ArrayList;
import java.util.List;

/**
 * The standard streams of a container process or an exec, as the engine holds them: either
 * pipes (stdout and stderr apart, stdin only when it is kept open), or a PTY whose slave is
 * all three streams of the process and whose master the engine reads, writes and resizes.
 * The process's ends are handed to the native stage and closed here right after the spawn.
 */
final class ProcessStdio {
    private final Linux linux;
    private final int[] childFds;
    private final List<Integer> childOwned;
    private boolean childEndsClosed;
    private int inputFd;
    private int stdoutFd;
    private final int stderrFd;
    private int ptyMaster;
    /** A size asked for before the stage sent the terminal: applied as soon as it is here. */
    private WindowSize pendingSize;
    private final boolean tty;
    private boolean inputClosed;

    private ProcessStdio(Linux linux, int[] childFds, List<Integer> childOwned, int inputFd, int stdoutFd,
            int stderrFd, boolean tty) {
        this.linux = linux;
        this.childFds = childFds;
        this.childOwned = childOwned;
        this.inputFd = inputFd;
        this.stdoutFd = stdoutFd;
        this.stderrFd = stderrFd;
        this.ptyMaster = -1;
        this.tty = tty;
    }

    /** Pipes; without {@code openStdin} the process reads /dev/null, as in Docker. */
    static ProcessStdio pipes(Linux linux, boolean openStdin) {
        int[] in = openStdin ? linux.pipe() : new int[] {linux.open("/dev/null", Linux.O_RDONLY), -1};
        int[] out = linux.pipe();
        int[] err = linux.pipe();
        return new ProcessStdio(linux, new int[] {in[0], out[1], err[1]}, List.of(in[0], out[1], err[1]),
                in[1], out[0], err[0], false);
    }

    /**
     * A terminal. The native stage makes it inside the container (so the process finds it in
     * its own /dev/pts) and sends the master back; until then the process's streams are
     * /dev/null. See {@link #attachTerminal}.
     */
    static ProcessStdio tty(Linux linux) {
        int devNull = linux.open("/dev/null", Linux.O_RDWR);
        return new ProcessStdio(linux, new int[] {devNull, devNull, devNull}, List.of(devNull), -1, -1, -1, true);
    }

    /** Takes over the terminal's master that the stage sent. */
    synchronized void attachTerminal(int master) {
        if (!tty || master < 0) {
            throw new IllegalStateException("the native stage sent no terminal");
        }
        ptyMaster = master;
        inputFd = master;
        stdoutFd = master;
        if (pendingSize != null) {
            try {
                pendingSize.applyTo(master);
            } catch (NativeCallException e) {
                // the process is gone already: there is nothing left to size
            }
            pendingSize = null;
        }
    }

    int[] childFds() {
        return childFds;
    }

    boolean isTty() {
        return tty;
    }

    /** After the spawn the process has its own copies; the engine's must go, or EOF never comes. */
    synchronized void closeChildEnds() {
        if (childEndsClosed) {
            return;   // a second close could hit a descriptor number someone else has by now
        }
        childEndsClosed = true;
        childOwned.forEach(linux::close);
    }

    /** Starts copying output to {@code listener}; a TTY has one stream, which Docker calls stdout. */
    List<StreamPump> pump(OutputListener listener, String name) {
        List<StreamPump> pumps = new ArrayList<>();
        pumps.add(new StreamPump(linux, stdoutFd, StdStream.STDOUT, listener, "stdout-" + name, !isTty()));
        if (stderrFd >= 0) {
            pumps.add(new StreamPump(linux, stderrFd, StdStream.STDERR, listener, "stderr-" + name, true));
        }
        return pumps;
    }

    /** Writes input to the process; false when it has no input or it was closed. */
    synchronized boolean write(byte[] data) {
        if (inputFd < 0 || inputClosed) {
            return false;
        }
        try {
            linux.write(inputFd, data);
            return true;
        } catch (LinuxException e) {
            return false;
        }
    }

    /** Ends the input (a client closed stdin). A TTY's master stays: it is also the output. */
    synchronized void closeInput() {
        if (inputClosed || inputFd < 0 || isTty()) {
            return;
        }
        inputClosed = true;
        if (!isTty()) {
            linux.close(inputFd);
        }
    }

    /**
     * Sets the terminal's size; the kernel tells the foreground process with SIGWINCH. A resize
     * that comes while the stage is still making the terminal is kept and applied when it arrives,
     * instead of being answered as done and lost.
     */
    synchronized void resize(int rows, int cols) {
        if (!isTty()) {
            return;
        }
        if (ptyMaster < 0) {
            pendingSize = new WindowSize(rows, cols);
            return;
        }
        try {
            new WindowSize(rows, cols).applyTo(ptyMaster);
        } catch (NativeCallException e) {
            throw new IllegalStateException("resizing the terminal: " + e.getMessage(), e);
        }
    }

    /** After the process ended and its output was drained: what remains open on the engine's side. */
    synchronized void closeAll() {
        closeInput();
        inputClosed = true;
        inputFd = -1;
        if (isTty() && ptyMaster >= 0) {
            linux.close(ptyMaster);
            ptyMaster = -1;
        }
    }

    /** When the spawn failed: everything, both ends. */
    void closeEverything() {
        closeChildEnds();
        // with a TTY, input and output are the same master: close each descriptor once
        java.util.stream.IntStream.of(inputFd, stdoutFd, stderrFd).filter(fd -> fd >= 0).distinct().forEach(linux::close);
    }
}
