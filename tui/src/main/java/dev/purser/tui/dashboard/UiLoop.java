package dev.purser.tui.dashboard;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The dashboard's one UI thread (docs/decisions/0020): it alone touches the screen and the
 * dashboard's state. Work reaches it as tasks ({@link #execute}, from any thread: keys, batches
 * of log lines, container changes); a task that changes what is shown calls {@link #redraw()},
 * and the loop draws at most one frame per {@code 1/fps} seconds, however many tasks ran. With
 * nothing to do it sleeps in {@code poll()}: no wake-ups while idle (lanterna-traps T7), apart
 * from one tick a second for the clocks on screen.
 *
 * <p>A task posted after {@link #stop()} is dropped, never refused with an exception, so an
 * RxJava stream that outlives the screen does not die with an error (lanterna-traps T9).
 */
public final class UiLoop implements Executor {
    private static final long TICK_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final BlockingQueue<Runnable> tasks = new LinkedBlockingQueue<>();
    private final long frameNanos;
    private final Runnable drawFrame;
    private final Runnable tick;
    private final Consumer<Throwable> onFailure;
    private volatile boolean running = true;
    private volatile Thread thread;
    private final java.util.List<Runnable> afterFrame = new java.util.ArrayList<>();
    private boolean dirty = true;
    private long lastFrame;
    private long lastTick = System.nanoTime();

    /**
     * @param fps frames a second at most
     * @param drawFrame draws the screen (runs on the loop)
     * @param tick runs once a second when nothing else happens (runs on the loop)
     * @param onFailure a task that threw: the loop goes on
     */
    public UiLoop(int fps, Runnable drawFrame, Runnable tick, Consumer<Throwable> onFailure) {
        this.frameNanos = TimeUnit.SECONDS.toNanos(1) / Math.max(1, fps);
        this.drawFrame = drawFrame;
        this.tick = tick;
        this.onFailure = onFailure;
        this.lastFrame = System.nanoTime() - frameNanos;
    }

    @Override
    public void execute(Runnable task) {
        if (running) tasks.offer(task);
    }

    /** Asks for a frame; call on the loop. */
    public void redraw() {
        dirty = true;
    }

    /** Runs {@code then} on the loop right after the next frame is drawn; call on the loop. */
    public void afterNextFrame(Runnable then) {
        afterFrame.add(then);
        dirty = true;
    }

    public boolean onLoop() {
        return Thread.currentThread() == thread;
    }

    /** Runs the loop on the calling thread until {@link #stop()}. */
    public void run() {
        thread = Thread.currentThread();
        while (running) {
            long now = System.nanoTime();
            long wait = dirty ? Math.max(0, lastFrame + frameNanos - now) : Math.max(0, lastTick + TICK_NANOS - now);
            Runnable task;
            try {
                task = tasks.poll(wait, TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            if (task != null) {
                runQuietly(task);
                for (Runnable more; running && (more = tasks.poll()) != null; ) runQuietly(more);
            }
            if (!running) return;
            now = System.nanoTime();
            if (!dirty && now - lastTick >= TICK_NANOS) {
                lastTick = now;
                runQuietly(tick);
            }
            if (dirty && now - lastFrame >= frameNanos) {
                dirty = false;
                lastFrame = now;
                runQuietly(drawFrame);
                if (!afterFrame.isEmpty()) {
                    java.util.List<Runnable> waiting = new java.util.ArrayList<>(afterFrame);
                    afterFrame.clear();
                    waiting.forEach(this::runQuietly);
                }
            }
        }
    }

    /** Ends the loop after the task now running; later tasks are dropped. */
    public void stop() {
        running = false;
        tasks.offer(() -> { });
    }

    private void runQuietly(Runnable task) {
        try {
            task.run();
        } catch (RuntimeException | StackOverflowError e) {
            onFailure.accept(e);
        }
    }
}
