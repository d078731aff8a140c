package dev.purser.tui.it;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.TextCharacter;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import com.googlecode.lanterna.screen.TerminalScreen;
import com.googlecode.lanterna.terminal.virtual.DefaultVirtualTerminal;
import dev.purser.tui.client.ClientSettings;
import dev.purser.tui.client.PurserClient;
import dev.purser.tui.dashboard.Dashboard;
import dev.purser.tui.dashboard.DashboardSettings;
import dev.purser.tui.dashboard.theme.Theme;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * The real dashboard drawn on Lanterna's virtual terminal, against a real daemon: keys go in as
 * a terminal would send them, the screen is read back as text and colours.
 */
final class DashboardHarness implements AutoCloseable {
    final DefaultVirtualTerminal terminal;
    final Theme theme;
    private final TerminalScreen screen;
    private final PurserClient client;
    private final Dashboard dashboard;
    private final Thread ui;

    DashboardHarness(InProcessDaemon daemon, int cols, int rows, DashboardSettings settings) {
        this(daemon.host(), cols, rows, settings);
    }

    /** The dashboard on the engine at {@code host} (purser's or a dockerd). */
    DashboardHarness(String host, int cols, int rows, DashboardSettings settings) {
        try {
            terminal = new DefaultVirtualTerminal(new TerminalSize(cols, rows));
            screen = new TerminalScreen(terminal);
            screen.startScreen();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> env = new HashMap<>();
        env.put("PURSER_AUTOSTART", "0");
        client = PurserClient.connect(ClientSettings.resolve(host, null, env), new PrintStream(PrintStream.nullOutputStream()), false);
        theme = Theme.load(settings.theme());
        dashboard = new Dashboard(client, screen, theme, settings, "test engine", null);
        ui = new Thread(dashboard::run, "dashboard-under-test");
        ui.start();
    }

    DashboardHarness(InProcessDaemon daemon) {
        this(daemon, 100, 30, DashboardSettings.defaults());
    }

    void press(char c) {
        dashboard.press(new KeyStroke(c, false, false));
    }

    void press(KeyStroke key) {
        dashboard.press(key);
    }

    void press(KeyType type) {
        dashboard.press(new KeyStroke(type));
    }

    void type(String text) {
        for (char c : text.toCharArray()) press(c);
    }

    /**
     * What the screen shows, one line per row: read on the dashboard's UI thread right after a
     * frame, so always a whole frame that includes every key pressed before.
     */
    String text() {
        java.util.concurrent.CompletableFuture<String> frame = new java.util.concurrent.CompletableFuture<>();
        dashboard.loop().execute(() -> dashboard.loop().afterNextFrame(() -> frame.complete(read())));
        try {
            return frame.get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("the dashboard's UI thread did not answer", e);
        }
    }

    private String read() {
        StringBuilder out = new StringBuilder();
        TerminalSize size = terminal.getTerminalSize();
        for (int row = 0; row < size.getRows(); row++) {
            StringBuilder line = new StringBuilder();
            for (int col = 0; col < size.getColumns(); col++) line.append(terminal.getCharacter(col, row).getCharacterString());
            out.append(line.toString().stripTrailing()).append('\n');
        }
        return out.toString();
    }

    String waitFor(String shown) {
        return waitUntil("\"" + shown + "\"", s -> s.contains(shown));
    }

    String waitUntil(String what, Predicate<String> shown) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        String s = text();
        while (!shown.test(s)) {
            if (System.nanoTime() > deadline) throw new AssertionError("the dashboard never showed " + what + "; it shows:\n" + s);
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
            s = text();
        }
        return s;
    }

    /** The row of the selected container (drawn in the theme's selected colours), or -1. */
    int selectedRow() {
        String[] lines = text().split("\n", -1);
        for (int i = 1; i < lines.length; i++) {
            if (terminal.getCharacter(2, i).getBackgroundColor().equals(theme.style(dev.purser.tui.dashboard.theme.Role.SELECTED).background())) return i;
        }
        return -1;
    }

    /** The row (0-based) of the first line containing {@code text}, or -1. */
    int rowOf(String text) {
        String[] lines = text().split("\n", -1);
        for (int i = 0; i < lines.length; i++) if (lines[i].contains(text)) return i;
        return -1;
    }

    /** The cell where {@code text} starts on the first line showing it. */
    TextCharacter cellOf(String text) {
        String[] lines = text().split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            int col = lines[i].indexOf(text);
            if (col >= 0) return terminal.getCharacter(col, i);
        }
        throw new AssertionError("the screen does not show \"" + text + "\":\n" + text());
    }

    TextCharacter cell(int col, int row) {
        return terminal.getCharacter(col, row);
    }

    boolean quitting() {
        return dashboard.quitting();
    }

    @Override
    public void close() throws InterruptedException {
        dashboard.press(new KeyStroke(KeyType.EOF));
        ui.join(10_000);
        client.close();
    }
}
