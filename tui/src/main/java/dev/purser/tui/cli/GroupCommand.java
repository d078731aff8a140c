package dev.purser.tui.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code container} and {@code image}: management commands that only hold subcommands. */
@picocli.CommandLine.Command(name = "group")
final class GroupCommand implements java.util.concurrent.Callable<Integer> {
    @Spec CommandSpec spec;
    final Session session;

    @picocli.CommandLine.Option(names = "--help", usageHelp = true, description = "Print usage")
    boolean help;

    GroupCommand(Session session) {
        this.session = session;
    }

    @Override
    public Integer call() {
        spec.commandLine().usage(session.out);
        return 0;
    }
}
