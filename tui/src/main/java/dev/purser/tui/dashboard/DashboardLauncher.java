package dev.purser.tui.dashboard;

import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import dev.purser.tui.client.ClientSettings;
import dev.purser.tui.client.PurserClient;
import dev.purser.tui.dashboard.terminal.HostScreen;
import dev.purser.tui.dashboard.theme.Theme;
import io.reactivex.rxjava3.plugins.RxJavaPlugins;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;

/**
 * {@code purser} with no arguments on a terminal: opens the dashboard on this process's terminal
 * and gives the terminal back as it was on every way out. While the screen is live nothing may
 * reach stdout or stderr, so both (and with them logback's console output) go to a log file,
 * and every uncaught failure is written there too (lanterna-traps T11).
 */
public final class DashboardLauncher {
    private DashboardLauncher() {}

    /** Runs the dashboard until it is quit; returns the exit code. */
    public static int run(PurserClient client, ClientSettings where, String themeFlag, Map<String, String> env, PrintStream err) {
        DashboardSettings settings = DashboardSettings.load(env);
        String themeName = themeFlag != null ? themeFlag : settings.theme();
        Theme theme;
        try {
            theme = Theme.load(themeName);
        } catch (IllegalArgumentException e) {
            if (themeFlag != null) {
                err.println("purser: " + e.getMessage());
                return 125;
            }
            theme = Theme.defaultTheme();
            settings = withWarning(settings, e.getMessage() + "; using " + theme.name());
        }
        Path logFile = logFile(env);
        PrintStream log;
        try {
            Files.createDirectories(logFile.getParent());
            log = new PrintStream(new FileOutputStream(logFile.toFile(), true), true, StandardCharsets.UTF_8);
        } catch (IOException e) {
            err.println("purser: cannot write the dashboard's log " + logFile + ": " + e.getMessage());
            return 125;
        }
        PrintStream stdout = System.out;
        PrintStream stderr = System.err;
        Thread.UncaughtExceptionHandler uncaught = Thread.getDefaultUncaughtExceptionHandler();
        log.println(Instant.now() + " dashboard opened on " + where.host());
        String engine = where.isUnixSocket() && where.mayStartDaemon() ? "embedded engine" : where.host();
        try (HostScreen host = HostScreen.open()) {
            System.setOut(log);
            System.setErr(log);
            Thread.setDefaultUncaughtExceptionHandler((t, e) -> {
                log.println(Instant.now() + " uncaught in " + t.getName());
                e.printStackTrace(log);
            });
            RxJavaPlugins.setErrorHandler(e -> {
                log.println(Instant.now() + " stream error after its end");
                e.printStackTrace(log);
            });
            Dashboard dashboard = new Dashboard(client, host.screen(), theme, settings, engine,
                    new ContainerSessions(client, host, settings.shell(), settings.detachKeys()));
            host.terminal().addResizeListener((terminal, size) -> dashboard.resized());
            Thread keys = new Thread(() -> readKeys(host, dashboard), "purser-dashboard-keys");
            keys.setDaemon(true);
            keys.start();
            dashboard.run();
            return 0;
        } catch (IOException | RuntimeException e) {
            e.printStackTrace(log);
            stderr.println("purser: the dashboard stopped: " + PlainWords.plain(e) + " (details in " + logFile + ")");
            return 1;
        } finally {
            System.setOut(stdout);
            System.setErr(stderr);
            Thread.setDefaultUncaughtExceptionHandler(uncaught);
            RxJavaPlugins.setErrorHandler(null);
            log.println(Instant.now() + " dashboard closed");
            log.close();
        }
    }

    private static void readKeys(HostScreen host, Dashboard dashboard) {
        while (!dashboard.quitting()) {
            KeyStroke key;
            try {
                key = host.terminal().readInput();
            } catch (IOException | RuntimeException e) {
                key = new KeyStroke(KeyType.EOF);
            }
            if (key == null) continue;
            dashboard.press(key);
            if (key.getKeyType() == KeyType.EOF) return;
        }
    }

    /** {@code $XDG_STATE_HOME/purser/dashboard.log}, by default {@code ~/.local/state/purser/dashboard.log}. */
    static Path logFile(Map<String, String> env) {
        String state = env.get("XDG_STATE_HOME");
        String home = env.getOrDefault("HOME", System.getProperty("user.home"));
        Path base = state != null && !state.isEmpty() ? Path.of(state) : Path.of(home, ".local", "state");
        return base.resolve("purser").resolve("dashboard.log");
    }

    private static DashboardSettings withWarning(DashboardSettings s, String warning) {
        java.util.List<String> all = new java.util.ArrayList<>(s.warnings());
        all.add(warning);
        return new DashboardSettings(s.theme(), s.keys(), s.refreshRate(), s.shell(), s.detachKeys(), all);
    }
}
