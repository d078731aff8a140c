package dev.purser.engine.container;

import dev.purser.engine.container.naming.ContainerId;
import dev.purser.engine.event.EventBus;
import dev.purser.pty.WindowSize;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Exec instances, as Docker's API has them: created first, started later (once), inspectable
 * while running and after. Kept in memory only, like Docker's. As Docker does, an exec that has
 * ended is forgotten a while later (Docker's collector runs every 5 minutes and frees what ended
 * before its previous run), and all of a container's go when the container is removed.
 */
public final class Execs {
    /** How long an ended exec stays inspectable: Docker keeps one for 5 to 10 minutes. */
    public static final Duration KEEP_ENDED = Duration.ofMinutes(5);

    private final Containers containers;
    private final EventBus events;
    private final Duration keepEnded;
    private final Map<String, Exec> byId = new ConcurrentHashMap<>();
    private final AtomicLong lastSweep = new AtomicLong(System.nanoTime());

    public Execs(Containers containers, EventBus events) {
        this(containers, events, KEEP_ENDED);
    }

    /** As above, forgetting an ended exec {@code keepEnded} after its end (at the next exec's creation). */
    public Execs(Containers containers, EventBus events, Duration keepEnded) {
        this.containers = containers;
        this.events = events;
        this.keepEnded = keepEnded;
        containers.whenRemoved(this::forgetContainer);
    }

    /** One exec instance; {@code running} and {@code exitCode} change as it runs. */
    public static final class Exec {
        private final String id;
        private final String containerId;
        private final ExecRequest request;
        private volatile boolean started;
        private volatile boolean running;
        private volatile Integer exitCode;
        private volatile ExecSession session;
        /** System.nanoTime() at the end, once it has ended (or failed to start); 0 before. */
        private volatile long endedAt;
        /** Input a client sent before the process ran: it is kept, like a container's before its start. */
        private final PendingStdin early = new PendingStdin();
        /** Opens once the process runs, or failed to: a resize waits for it, as Docker's does. */
        private final CountDownLatch ready = new CountDownLatch(1);

        private final String detachKeys;

        Exec(String id, String containerId, ExecRequest request, String detachKeys) {
            this.detachKeys = detachKeys;
            this.id = id;
            this.containerId = containerId;
            this.request = request;
        }

        public String id() {
            return id;
        }

        public String containerId() {
            return containerId;
        }

        public ExecRequest request() {
            return request;
        }

        public String detachKeys() {
            return detachKeys;
        }

        public boolean running() {
            return running;
        }

        public Integer exitCode() {
            return exitCode;
        }

        private synchronized void write(byte[] data) {
            if (endedAt != 0) {
                return;
            }
            if (session == null) {
                early.write(data);
            } else {
                session.write(data);
            }
        }

        private synchronized void closeInput() {
            if (endedAt != 0) {
                return;
            }
            if (session == null) {
                early.close();
            } else {
                session.closeInput();
            }
        }

        private synchronized void started(ExecSession started) {
            session = started;
            early.deliverTo(started.stdio());
        }

        /** The process is over: what it held goes, what inspect shows stays. */
        private synchronized void ended(Integer code) {
            exitCode = code;
            running = false;
            session = null;
            endedAt = Math.max(1, System.nanoTime());
        }

        /** The host pid while it runs, else 0. */
        public int pid() {
            ExecSession s = session;
            return running && s != null ? s.pid() : 0;
        }
    }

    public Exec create(String containerReference, ExecRequest request) {
        return create(containerReference, request, null);
    }

    /** Creates an exec instance; {@code detachKeys} (Docker's format, null for the default) end an attached session. */
    public Exec create(String containerReference, ExecRequest request, String detachKeys) {
        Container c = containers.get(containerReference);
        if (!c.state().running()) {
            throw new ContainerConflictException("Container " + c.id() + " is not running");
        }
        if (c.state().paused()) {
            throw new ContainerConflictException("Container " + c.id() + " is paused, unpause the container before exec");
        }
        Exec exec = new Exec(ContainerId.generate().value(), c.id(), request, detachKeys);
        forgetEnded();
        byId.put(exec.id(), exec);
        events.publish("container", "exec_create: " + String.join(" ", request.cmd()), c.id(),
                Map.of("name", c.shortName(), "image", c.config().image(), "execID", exec.id()));
        return exec;
    }

    public Exec get(String id) {
        return Optional.ofNullable(byId.get(id))
                .orElseThrow(() -> new NoSuchExecException(id));
    }

    /** Runs the exec to its end, delivering output to {@code output}; returns its exit code. */
    public int start(String id, OutputListener output) {
        return finish(id, begin(id, output));
    }

    /**
     * Starts the exec (once); the caller feeds its input through the session and then calls
     * {@link #finish}. A command that cannot run fails here, with its exit code recorded.
     */
    public ExecSession begin(String id, OutputListener output) {
        return begin(id, null, output);
    }

    /** As {@link #begin(String, OutputListener)}, with the terminal's first size when the start request gave one. */
    public ExecSession begin(String id, WindowSize consoleSize, OutputListener output) {
        Exec exec = get(id);
        synchronized (exec) {
            if (exec.started) {
                throw new ContainerConflictException("Error: Exec command " + id + " has already run");
            }
            exec.started = true;
            exec.running = true;
        }
        Container c = containers.get(exec.containerId());
        events.publish("container", "exec_start: " + String.join(" ", exec.request().cmd()), c.id(), attributes(c, id));
        try {
            exec.started(containers.execLauncher().start(exec.containerId(), exec.request().withConsoleSize(consoleSize),
                    output));
            return exec.session;
        } catch (ContainerStartException e) {
            exec.ended(e.exitCode());
            throw e;
        } finally {
            exec.ready.countDown();
        }
    }

    /** Waits for a begun exec to end and records its exit code. */
    public int finish(String id, ExecSession session) {
        Exec exec = get(id);
        Integer code = null;
        try {
            code = session.await();
        } finally {
            exec.ended(code);
        }
        Container c = containers.get(exec.containerId());
        Map<String, String> died = new java.util.HashMap<>(attributes(c, id));
        died.put("exitCode", Integer.toString(code));
        events.publish("container", "exec_die", c.id(), died);
        return code;
    }

    /**
     * Input for an exec from its attached client. The client sends as soon as its connection is
     * hijacked, which is before the process runs: what comes early is kept and passed on in order.
     */
    public void writeInput(String id, byte[] data) {
        get(id).write(data);
    }

    /** The end of the client's input; with a TTY the terminal stays (as for a container). */
    public void closeInput(String id) {
        get(id).closeInput();
    }

    /**
     * Resizes an exec's terminal. A client sends the size right after it starts the exec, so the
     * request can arrive first: like Docker, it waits up to 10 s for the process to be running.
     */
    public void resize(String id, int rows, int cols) {
        Exec exec = get(id);
        try {
            if (!exec.ready.await(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("timeout waiting for exec session ready");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        ExecSession session = exec.session;
        if (session != null && exec.running) {
            session.resize(rows, cols);
        }
    }

    /**
     * Forgets the execs that ended more than {@code keepEnded} ago. Done when an exec is created
     * (what makes the table grow), at most once a second, so no thread of its own is needed.
     */
    private void forgetEnded() {
        long now = System.nanoTime();
        long last = lastSweep.get();
        if (!keepEnded.isZero() && now - last < 1_000_000_000L || !lastSweep.compareAndSet(last, now)) {
            return;
        }
        long keep = keepEnded.toNanos();
        byId.values().removeIf(e -> e.endedAt != 0 && now - e.endedAt >= keep);
    }

    /** The container is gone, and with it every exec it had (Docker's inspect of one then answers 404). */
    private void forgetContainer(String containerId) {
        byId.values().removeIf(e -> e.containerId.equals(containerId));
    }

    /** How many exec instances are kept (for tests of the bookkeeping). */
    int size() {
        return byId.size();
    }

    private static Map<String, String> attributes(Container c, String execId) {
        return Map.of("name", c.shortName(), "image", c.config().image(), "execID", execId);
    }

    /** No exec instance has this id (HTTP 404). */
    public static final class NoSuchExecException extends RuntimeException {
        public NoSuchExecException(String id) {
            super("No such exec instance: " + id);
        }
    }
}
