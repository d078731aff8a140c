package dev.purser.engine.network;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * A network namespace a test makes itself ({@code ip netns add}), with a process living in it
 * so that it can be named by pid too; closing it ends the process and deletes the namespace
 * (and with it every interface inside).
 */
final class TestNamespace implements AutoCloseable {
    final String name;
    private final Process holder;

    private TestNamespace(String name, Process holder) {
        this.name = name;
        this.holder = holder;
    }

    static TestNamespace create() {
        String name = "pit-" + UUID.randomUUID().toString().substring(0, 8);
        run("ip", "netns", "add", name);
        try {
            Process p = new ProcessBuilder("ip", "netns", "exec", name, "sleep", "600").redirectErrorStream(true).start();
            TestNamespace ns = new TestNamespace(name, p);
            ns.awaitHolderInside();
            return ns;
        } catch (IOException e) {
            run("ip", "netns", "delete", name);
            throw new UncheckedIOException(e);
        }
    }

    /** {@code ip netns exec} joins the namespace just after it starts: the pid means the namespace only from then on. */
    private void awaitHolderInside() throws IOException {
        Object want = java.nio.file.Files.getAttribute(file(), "unix:ino");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!want.equals(java.nio.file.Files.getAttribute(Path.of("/proc/" + holder.pid() + "/ns/net"), "unix:ino"))) {
            if (System.nanoTime() > deadline) {
                close();
                throw new IllegalStateException("the process holding " + name + " never entered it");
            }
            Thread.onSpinWait();
        }
    }

    Path file() {
        return Path.of("/run/netns", name);
    }

    int pid() {
        return (int) holder.pid();
    }

    /** Runs a command in the namespace and returns its output; a non-zero status fails. */
    String exec(String... command) {
        List<String> argv = new ArrayList<>(List.of("ip", "netns", "exec", name));
        argv.addAll(List.of(command));
        return run(argv.toArray(String[]::new));
    }

    /** Runs a command in the namespace and returns its exit status. */
    int status(String... command) {
        List<String> argv = new ArrayList<>(List.of("ip", "netns", "exec", name));
        argv.addAll(List.of(command));
        try {
            Process p = new ProcessBuilder(argv).redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return -1;
            }
            return p.exitValue();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String run(String... argv) {
        try {
            Process p = new ProcessBuilder(argv).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", argv) + " failed: " + out);
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        holder.destroyForcibly();
        try {
            holder.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        run("ip", "netns", "delete", name);
    }
}
