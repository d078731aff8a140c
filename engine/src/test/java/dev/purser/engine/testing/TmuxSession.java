package dev.purser.engine.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A real terminal for tests, driven as a person would: tmux runs a shell in a window of a given
 * size, {@link #type} sends keys, {@link #screen} reads what is shown. Each session has its own
 * tmux server, so tests never touch anyone else's.
 */
public final class TmuxSession implements AutoCloseable {
    private final String socket = "purser-test-" + UUID.randomUUID().toString().substring(0, 8);

    public static TmuxSession start(int cols, int rows, Map<String, String> env) {
        TmuxSession t = new TmuxSession();
        List<String> cmd = new ArrayList<>(List.of("new-session", "-d", "-s", "main", "-x", Integer.toString(cols),
                "-y", Integer.toString(rows)));
        env.forEach((k, v) -> {
            cmd.add("-e");
            cmd.add(k + "=" + v);
        });
        cmd.add("bash --norc --noprofile");
        t.tmux(cmd.toArray(String[]::new));
        return t;
    }

    public void keys(String... keys) {
        List<String> cmd = new ArrayList<>(List.of("send-keys", "-t", "main"));
        cmd.addAll(List.of(keys));
        tmux(cmd.toArray(String[]::new));
    }

    public void type(String line) {
        tmux("send-keys", "-t", "main", "-l", line);
        keys("Enter");
    }

    public String screen() {
        // -J joins wrapped lines but keeps trailing blanks: drop those, they are not on the screen
        return tmux("capture-pane", "-p", "-J", "-t", "main").lines().map(String::stripTrailing)
                .collect(java.util.stream.Collectors.joining("\n", "", "\n"));
    }

    /** A tmux format of the pane, e.g. {@code #{mouse_any_flag}}: 1 while the program in it asks for mouse reports. */
    public String pane(String format) {
        return tmux("display-message", "-p", "-t", "main", format).strip();
    }

    public void resize(int cols, int rows) {
        tmux("resize-window", "-t", "main", "-x", Integer.toString(cols), "-y", Integer.toString(rows));
    }

    /**
     * A shell line for a container's shell that waits, ten seconds at most, until its terminal is
     * {@code rows} x {@code cols}, then prints {@code size=ROWSxCOLS} of what it is; a test waits
     * for the text, which the typed line itself never contains.
     */
    public static String untilSizeIs(int rows, int cols) {
        return "i=0; while [ \"$(stty size)\" != \"" + rows + " " + cols + "\" ] && [ $i -lt 100 ]; do i=$((i+1)); sleep 0.1; done;"
                + " stty size | sed 's/^/size=/; s/ /x/'";
    }

    public String waitFor(String text) {
        return waitUntil("\"" + text + "\"", s -> s.contains(text), 30);
    }

    /** The last non-blank line is exactly {@code prompt}. */
    public String waitForPrompt(String prompt) {
        return waitUntil("the prompt \"" + prompt + "\"", s -> {
            List<String> lines = s.lines().filter(l -> !l.isBlank()).toList();
            return !lines.isEmpty() && lines.get(lines.size() - 1).strip().equals(prompt);
        }, 30);
    }

    /** The last non-blank line ends with {@code prompt} (it may follow what was on that line). */
    public String waitForPromptAtEnd(String prompt) {
        return waitUntil("a line ending in \"" + prompt + "\"", s -> {
            List<String> lines = s.lines().filter(l -> !l.isBlank()).toList();
            return !lines.isEmpty() && lines.get(lines.size() - 1).strip().endsWith(prompt);
        }, 30);
    }

    /** Waits, thirty seconds at most, until the screen is as {@code shown} wants; {@code what} names it for the failure. */
    public String waitUntil(String what, Predicate<String> shown) {
        return waitUntil(what, shown, 30);
    }

    private String waitUntil(String what, Predicate<String> shown, int seconds) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        String s = screen();
        while (!shown.test(s)) {
            if (System.nanoTime() > deadline) throw new AssertionError("the terminal never showed " + what + "; it shows:\n" + s);
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
            s = screen();
        }
        return s;
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
