package dev.purser.tui.cli;

import dev.purser.tui.Purser;
import dev.purser.tui.client.DaemonError;
import dev.purser.tui.client.DaemonUnavailableException;
import java.util.List;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Builds purser's picocli tree (top-level commands plus the {@code container}/{@code image}
 * management aliases) and translates picocli's errors into docker's wording and exit codes.
 */
public final class CommandTree {
    private CommandTree() {}

    /** Parses and runs {@code args}, returning the exit code; never exits the JVM. */
    public static int execute(Session session, String[] args) {
        CommandLine root = build(session);
        root.setExecutionExceptionHandler((e, cmd, parsed) -> handle(e, cmd, session));
        root.setParameterExceptionHandler((ex, args0) -> usageError(ex, session));
        root.setOut(new java.io.PrintWriter(session.out, true));
        root.setErr(new java.io.PrintWriter(session.err, true));
        return root.execute(args);
    }

    static CommandLine build(Session session) {
        CommandLine root = new CommandLine(new PurserCommand(session));
        root.getCommandSpec().version("purser version " + Purser.version());
        for (Supplier<BaseCommand> top : List.<Supplier<BaseCommand>>of(
                RunCommand::new, CreateCommand::new, StartCommand::new, StopCommand::new, KillCommand::new,
                RestartCommand::new, PauseCommand::new, UnpauseCommand::new, RmCommand::new, RenameCommand::new,
                WaitCommand::new, PsCommand::new, LogsCommand::new, InspectCommand::new, ImagesCommand::new,
                ExecCommand::new, AttachCommand::new, TopCommand::new, StatsCommand::new, EventsCommand::new, HistoryCommand::new, CpCommand::new,
                TagCommand::new, RmiCommand::new, ImportCommand::new, LoadCommand::new, SaveCommand::new,
                VersionCommand::new, InfoCommand::new, DaemonCommand::new, CompletionCommand::new)) {
            CommandLine sub = command(top.get(), session);
            // Top-level aliases such as "ps ls" belong to the management forms only.
            root.addSubcommand(sub.getCommandName(), sub);
        }
        CommandLine container = new CommandLine(new GroupCommand(session));
        container.getCommandSpec().usageMessage().description("Manage containers");
        for (Supplier<BaseCommand> c : List.<Supplier<BaseCommand>>of(
                RunCommand::new, CreateCommand::new, StartCommand::new, StopCommand::new, KillCommand::new,
                RestartCommand::new, PauseCommand::new, UnpauseCommand::new, RmCommand::new, RenameCommand::new,
                WaitCommand::new, PsCommand::new, LogsCommand::new, ExecCommand::new, AttachCommand::new, TopCommand::new,
                StatsCommand::new, ContainerPruneCommand::new, CpCommand::new)) {
            CommandLine sub = command(c.get(), session);
            String name = sub.getCommandName().equals("ps") ? "ls" : sub.getCommandName();
            String[] aliases = switch (name) {
                case "ls" -> new String[] {"ps", "list"};
                case "rm" -> new String[] {"remove"};
                default -> new String[0];
            };
            container.addSubcommand(name, sub, aliases);
        }
        container.addSubcommand("inspect", command(typed(new InspectCommand(), "container"), session));
        root.addSubcommand("container", container);
        CommandLine image = new CommandLine(new GroupCommand(session));
        image.getCommandSpec().usageMessage().description("Manage images");
        CommandLine ls = command(new ImagesCommand(), session);
        image.addSubcommand("ls", ls, "list");
        image.addSubcommand("inspect", command(typed(new InspectCommand(), "image"), session));
        image.addSubcommand("rm", command(new RmiCommand(), session), "rmi", "remove");
        image.addSubcommand("history", command(new HistoryCommand(), session));
        image.addSubcommand("tag", command(new TagCommand(), session));
        image.addSubcommand("load", command(new LoadCommand(), session));
        image.addSubcommand("save", command(new SaveCommand(), session));
        image.addSubcommand("import", command(new ImportCommand(), session));
        image.addSubcommand("prune", command(new ImagePruneCommand(), session));
        root.addSubcommand("image", image);
        CommandLine system = new CommandLine(new GroupCommand(session));
        system.getCommandSpec().usageMessage().description("Manage Docker");
        system.addSubcommand("df", command(new SystemDfCommand(), session));
        root.addSubcommand("system", system);
        root.getSubcommands().values().forEach(CommandTree::configure);
        configure(root);
        container.getSubcommands().values().forEach(CommandTree::configure);
        image.getSubcommands().values().forEach(CommandTree::configure);
        system.getSubcommands().values().forEach(CommandTree::configure);
        return root;
    }

    private static InspectCommand typed(InspectCommand c, String type) {
        c.type = type;
        return c;
    }

    private static CommandLine command(BaseCommand c, Session session) {
        c.session = session;
        CommandLine cl = new CommandLine(c);
        if (c instanceof RunCommand || c instanceof ExecCommand || c instanceof TopCommand) cl.setStopAtPositional(true);
        return cl;
    }

    private static void configure(CommandLine cl) {
        cl.setExpandAtFiles(false);
        cl.setOverwrittenOptionsAllowed(true);
        cl.setPosixClusteredShortOptionsAllowed(true);
    }

    private static int handle(Exception e, CommandLine cmd, Session session) {
        if (e instanceof CliError c) {
            session.err.println(c.getMessage());
            return c.exitCode();
        }
        if (e instanceof DaemonError || e instanceof DaemonUnavailableException) {
            session.err.println(e.getMessage());
            return 1;
        }
        session.err.println("purser: " + e);
        return 1;
    }

    /** docker's usage errors: unknown flags and bad values exit 125, unknown commands 1. */
    static int usageError(ParameterException ex, Session session) {
        CommandLine cmd = ex.getCommandLine();
        CommandSpec spec = cmd.getCommandSpec();
        String path = spec.qualifiedName(" ");
        String usage = cmd.getCommand() instanceof BaseCommand b ? "purser " + b.usage() : path + " [OPTIONS] COMMAND";
        if (ex instanceof UnmatchedArgumentException u && !u.getUnmatched().isEmpty() && !u.getUnmatched().get(0).startsWith("-")) {
            session.err.println("purser: unknown command: " + path + " " + u.getUnmatched().get(0)
                    + "\n\nRun '" + path + " --help' for more information");
            return 1;
        }
        String message = ex.getMessage();
        if (ex instanceof UnmatchedArgumentException u && !u.getUnmatched().isEmpty()) {
            String flag = u.getUnmatched().get(0);
            message = flag.startsWith("--") ? "unknown flag: " + flag.split("=", 2)[0]
                    : "unknown shorthand flag: '" + flag.charAt(1) + "' in " + flag;
        }
        session.err.println(message + "\n\nUsage:  " + usage + "\n\nRun '" + path + " --help' for more information");
        return 125;
    }
}
