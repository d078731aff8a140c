package dev.purser.tui.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The top level: docker's global flags. Without a command it opens the dashboard when stdin and
 * stdout are a terminal, and prints the usage otherwise (as docker does without a command).
 */
@Command(name = "purser", description = "A terminal container manager with its own engine")
final class PurserCommand implements java.util.concurrent.Callable<Integer> {
    final Session session;

    @Spec CommandSpec spec;

    @Option(names = {"-H", "--host"}, description = "Daemon socket to connect to")
    void host(String host) {
        session.hostFlag = host;
    }

    @Option(names = "--root", description = "purser's state root (default /var/lib/purser)")
    void root(String root) {
        session.rootFlag = root;
    }

    @Option(names = "--theme", description = "The dashboard's theme: dark, light, high-contrast, or a .properties file")
    String theme;

    @Option(names = {"-v", "--version"}, versionHelp = true, description = "Print version information and quit") boolean version;
    @Option(names = "--help", usageHelp = true, description = "Print usage") boolean help;
    @Option(names = {"-D", "--debug"}, description = "Enable debug mode") boolean debug;
    @Option(names = {"-l", "--log-level"}) String logLevel;

    PurserCommand(Session session) {
        this.session = session;
    }

    @Override
    public Integer call() {
        if (session.stdinTerminal() && session.stdoutTerminal()) {
            return dev.purser.tui.dashboard.DashboardLauncher.run(session.client(), session.settings(), theme, session.env, session.err);
        }
        if (theme != null) throw new CliError("purser: --theme is for the dashboard, which needs a terminal", 125);
        spec.commandLine().usage(session.out);
        return 0;
    }
}
