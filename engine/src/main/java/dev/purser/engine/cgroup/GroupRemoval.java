package dev.purser.engine.cgroup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;

/**
 * Removing cgroup directories: rmdir fails with EBUSY while the kernel still counts tasks (a
 * killed process is not gone until it has been reaped), so it is retried, killing again each time.
 */
final class GroupRemoval {
    private static final long TIMEOUT_MILLIS = 10_000;

    private GroupRemoval() {}

    static void killAll(List<Long> pids) {
        long self = ProcessHandle.current().pid();
        for (long pid : pids) {
            if (pid != self) {
                // ProcessHandle sends SIGKILL with kill(2); no helper process is forked.
                ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
            }
        }
    }

    static void remove(List<Path> dirs, boolean kill, Supplier<List<Long>> pids) {
        long deadline = System.currentTimeMillis() + TIMEOUT_MILLIS;
        while (true) {
            if (kill) {
                killAll(pids.get());
            }
            IOException last = null;
            for (Path dir : dirs) {
                try {
                    Files.delete(dir); // rmdir(2): cgroupfs lets a group's directory go with its control files
                } catch (NoSuchFileException gone) {
                    // already removed
                } catch (IOException e) {
                    last = e;
                }
            }
            if (last == null) {
                return;
            }
            if (System.currentTimeMillis() > deadline) {
                throw new IllegalStateException("cannot remove cgroup " + dirs + ": " + last.getMessage(), last);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted removing cgroup " + dirs, e);
            }
        }
    }

    /** Polls until {@code done} holds (freezer transitions are asynchronous in the kernel). */
    static void await(String what, java.util.function.BooleanSupplier done, Runnable nudge) {
        long deadline = System.currentTimeMillis() + TIMEOUT_MILLIS;
        while (!done.getAsBoolean()) {
            if (System.currentTimeMillis() > deadline) {
                throw new IllegalStateException("timed out waiting for " + what);
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted waiting for " + what, e);
            }
            nudge.run();
        }
    }
}
