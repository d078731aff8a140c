package dev.purser.engine.runtime;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One running native stage and the process it monitors. The stage reports over its control
 * socket (see engine/src/main/c/README.md): {@link #started()} completes with the container
 * process's host pid once the command was exec'd, or fails with a {@link StageFailure};
 * {@link #exited()} completes with the exit code. Closing the control socket makes the stage
 * kill its process, which is what {@link #abandon()} is for.
 */
public final class StageProcess {
    private static final Logger log = LoggerFactory.getLogger(StageProcess.class);

    private final Linux linux;
    private final int stagePid;
    private final int controlFd;
    private final AtomicBoolean controlClosed = new AtomicBoolean();
    private final CompletableFuture<Integer> started = new CompletableFuture<>();
    private final CompletableFuture<Integer> pidReported = new CompletableFuture<>();
    private final CompletableFuture<Integer> exited = new CompletableFuture<>();
    private volatile int pid = -1;
    private volatile StageFailure failure;
    private volatile int ptyMaster = -1;
    private int pendingFd = -1;

    private StageProcess(Linux linux, int stagePid, int controlFd) {
        this.linux = linux;
        this.stagePid = stagePid;
        this.controlFd = controlFd;
    }

    /**
     * Spawns the stage. {@code stdio} holds the descriptors (in this process) that become the
     * container's 0, 1 and 2; the caller still owns and closes them after this returns.
     */
    public static StageProcess launch(Linux linux, Path binary, List<String> arguments, int[] stdio) {
        int[] control = linux.socketPair();
        List<String> argv = new ArrayList<>();
        argv.add("purser-stage");
        argv.addAll(arguments);
        int stagePid;
        try {
            stagePid = linux.spawn(binary.toString(), argv, List.of(),
                    new int[][] {{stdio[0], 0}, {stdio[1], 1}, {stdio[2], 2}, {control[1], 3}});
        } catch (RuntimeException e) {
            linux.close(control[0]);
            throw e;
        } finally {
            linux.close(control[1]);
        }
        StageProcess stage = new StageProcess(linux, stagePid, control[0]);
        Thread reader = new Thread(stage::readControl, "stage-" + stagePid);
        reader.setDaemon(true);
        reader.start();
        return stage;
    }

    public CompletableFuture<Integer> started() {
        return started;
    }

    /** Completes with the container process's host pid as soon as the stage reports it (before it runs). */
    public CompletableFuture<Integer> pidReported() {
        return pidReported;
    }

    /** With {@code --network-step}: lets the held process run. */
    public void release() {
        linux.write(controlFd, "go\n");
    }

    /** With {@code --network-step}: the stage kills the held process, unrun, and reports an error. */
    public void abortStart() {
        try {
            linux.write(controlFd, "abort\n");
        } catch (LinuxException e) {
            closeControl();   // the stage kills it on EOF just the same
        }
    }

    public CompletableFuture<Integer> exited() {
        return exited;
    }

    /** The container process's host pid, or -1 before it is known. */
    public int pid() {
        return pid;
    }

    /**
     * The master of the terminal the stage made inside the container (with {@code --tty}),
     * known once {@link #started()} completed; the caller owns it from then on. -1 without one.
     */
    public int ptyMaster() {
        return ptyMaster;
    }

    /** Drops the control socket: the stage then kills its process and reports nothing more. */
    public void abandon() {
        closeControl();
    }

    private void closeControl() {
        if (controlClosed.compareAndSet(false, true)) {
            linux.close(controlFd);
        }
    }

    private void readControl() {
        byte[] buf = new byte[512];
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        try {
            int n;
            Linux.Received received;
            while ((n = (received = linux.receive(controlFd, buf)).length()) > 0) {
                for (int fd : received.fds()) {
                    // only the terminal's master is ever sent, with its "pty" line
                    if (pendingFd >= 0) {
                        linux.close(pendingFd);
                    }
                    pendingFd = fd;
                }
                for (int i = 0; i < n; i++) {
                    if (buf[i] == '\n') {
                        handle(line.toString(StandardCharsets.UTF_8));
                        line.reset();
                    } else {
                        line.write(buf[i]);
                    }
                }
            }
        } catch (LinuxException e) {
            if (!controlClosed.get()) {
                log.warn("reading from stage {}: {}", stagePid, e.getMessage());
            }
        } finally {
            closeControl();
            int status = linux.waitFor(stagePid);
            StageFailure gone = new StageFailure("stage", 0, "the native stage ended without a report (wait status " + status + ")");
            pidReported.completeExceptionally(gone);
            started.completeExceptionally(gone);
            // Without a report, the container process died with its stage (PDEATHSIG): SIGKILL.
            exited.complete(failure != null ? failure.exitCode() : 128 + 9);
        }
    }

    private void handle(String message) {
        String[] parts = message.split(" ", 4);
        switch (parts[0]) {
            case "pid" -> {
                pid = Integer.parseInt(parts[1]);
                pidReported.complete(pid);
            }
            case "pty" -> {
                ptyMaster = pendingFd;
                pendingFd = -1;
            }
            case "started" -> started.complete(pid);
            case "error" -> {
                if (ptyMaster >= 0) {
                    linux.close(ptyMaster);
                    ptyMaster = -1;
                }
                failure = new StageFailure(parts[1], Integer.parseInt(parts[2]), parts.length > 3 ? parts[3] : "");
                pidReported.completeExceptionally(failure);
                started.completeExceptionally(failure);
            }
            case "exited" -> exited.complete(Integer.parseInt(parts[1]));
            default -> log.warn("stage {} said something unexpected: {}", stagePid, message);
        }
    }
}
