package dev.purser.engine.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * A real terminal for tests, driven as a person would: tmux runs a shell in a window of a given
 * size, {@link #type} sends keys, {@link #screen} reads what is shown. Each session has its own
 * tmux server, so tests never touch anyone else's.
 */
public final class TmuxSession implements AutoCloseable {
    private final String socket = "purser-test-" + UUID.randomUUID().toString().substring(0, 8);

    private TmuxSession() {}

    public static TmuxSession start(int cols, int rows, Map<String, String> env) {
        TmuxSession s = new TmuxSession();
        List<String> cmd = new ArrayList<>(List.of("new-session", "-d", "-s", "main", "-x", Integer.toString(cols),
                "-y", Integer.toString(rows)));
        env.forEach((k, v) -> {
            cmd.add("-e");
            cmd.add(k + "=" + v);
        });
        cmd.add("bash --norc --noprofile");
        s.tmux(cmd.toArray(String[]::new));
        return s;
    }

    /** Sends keys as tmux names them ({@code Enter}, {@code C-p}); plain text goes literally. */
    public void keys(String... keys) {
        List<String> cmd = new ArrayList<>(List.of("send-keys", "-t", "main"));
        cmd.addAll(List.of(keys));
        tmux(cmd.toArray(String[]::new));
    }

    /** Types a line and presses Enter. */
    public void type(String line) {
        tmux("send-keys", "-t", "main", "-l", line);
        keys("Enter");
    }

    public String screen() {
        return tmux("capture-pane", "-p", "-t", "main");
    }

    public void resize(int cols, int rows) {
        tmux("resize-window", "-t", "main", "-x", Integer.toString(cols), "-y", Integer.toString(rows));
    }

    /** Waits until the screen shows {@code text}; returns the screen. Fails with the screen after 15 s. */
    public String waitFor(String text) {
        return waitUntil("\"" + text + "\"", screen -> screen.contains(text));
    }

    /**
     * Waits until the last line with anything on it ends in {@code prompt}: a shell waiting for
     * input (after a detach the outer prompt follows the container's on the same line).
     */
    public String waitForPrompt(String prompt) {
        return waitUntil("the prompt \"" + prompt + "\"", screen -> {
            List<String> lines = screen.lines().filter(l -> !l.isBlank()).toList();
            return !lines.isEmpty() && lines.get(lines.size() - 1).strip().endsWith(prompt);
        });
    }

    private String waitUntil(String what, java.util.function.Predicate<String> shown) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        String screen = screen();
        while (!shown.test(screen)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the terminal never showed " + what + "; it shows:\n" + screen);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
            screen = screen();
        }
        return screen;
    }

    private String tmux(String... args) {
        List<String> cmd = new ArrayList<>(List.of("tmux", "-L", socket));
        cmd.addAll(List.of(args));
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            p.waitFor(10, TimeUnit.SECONDS);
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
        tmux("kill-server");
    }
}
