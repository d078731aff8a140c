package dev.purser.tui.cli;

import dev.purser.tui.Purser;
import dev.purser.tui.client.DaemonError;
import dev.purser.tui.client.DaemonUnavailableException;
import java.util.List;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParseResult;
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
        root.setExecutionStrategy(parsed -> runOrHelp(parsed, session));
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
                ExecCommand::new, AttachCommand::new, TopCommand::new, StatsCommand::new, EventsCommand::new, HistoryCommand::new,
                TagCommand::new, RmiCommand::new, ImportCommand::new, LoadCommand::new, SaveCommand::new,
                VersionCommand::new, InfoCommand::new, DaemonCommand::new, CompletionCommand::new, HelpCommand::new)) {
            CommandLine sub = command(top.get(), session);
            // Top-level aliases such as "ps ls" belong to the management forms only.
            root.addSubcommand(sub.getCommandName(), sub);
        }
        CommandLine container = new CommandLine(new GroupCommand(session));
        container.getCommandSpec().name("container").usageMessage().description("Manage containers");
        for (Supplier<BaseCommand> c : List.<Supplier<BaseCommand>>of(
                RunCommand::new, CreateCommand::new, StartCommand::new, StopCommand::new, KillCommand::new,
                RestartCommand::new, PauseCommand::new, UnpauseCommand::new, RmCommand::new, RenameCommand::new,
                WaitCommand::new, PsCommand::new, LogsCommand::new, ExecCommand::new, AttachCommand::new, TopCommand::new,
                StatsCommand::new, ContainerPruneCommand::new)) {
            CommandLine sub = command(c.get(), session);
            String name = sub.getCommandName().equals("ps") ? "ls" : sub.getCommandName();
            String[] aliases = switch (name) {
                case "ls" -> new String[] {"list", "ps"};
                case "rm" -> new String[] {"remove"};
                default -> new String[0];
            };
            add(container, name, sub, aliases);
        }
        add(container, "inspect", command(typed(new InspectCommand(), "container"), session));
        root.addSubcommand("container", container);
        CommandLine image = new CommandLine(new GroupCommand(session));
        image.getCommandSpec().name("image").usageMessage().description("Manage images");
        CommandLine ls = command(new ImagesCommand(), session);
        add(image, "ls", ls, "list");
        add(image, "inspect", command(typed(new InspectCommand(), "image"), session));
        add(image, "rm", command(new RmiCommand(), session), "rmi", "remove");
        add(image, "history", command(new HistoryCommand(), session));
        add(image, "tag", command(new TagCommand(), session));
        add(image, "load", command(new LoadCommand(), session));
        add(image, "save", command(new SaveCommand(), session));
        add(image, "import", command(new ImportCommand(), session));
        add(image, "prune", command(new ImagePruneCommand(), session));
        root.addSubcommand("image", image);
        HelpText help = new HelpText(FlagDescriptions.load());
        root.getSubcommands().values().forEach(cl -> configure(cl, help));
        configure(root, help);
        container.getSubcommands().values().forEach(cl -> configure(cl, help));
        image.getSubcommands().values().forEach(cl -> configure(cl, help));
        return root;
    }

    /** Adds {@code sub} as {@code name}: its own name becomes that, so usage lines and errors say "purser container ls". */
    private static void add(CommandLine group, String name, CommandLine sub, String... aliases) {
        sub.getCommandSpec().name(name);
        group.addSubcommand(name, sub, aliases);
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

    private static final String HELP_SECTION = "purser";
    /** docker 28 still answers -h, with this warning on stderr. */
    static final String SHORT_HELP_WARNING = "Flag shorthand -h has been deprecated, use --help";

    private static void configure(CommandLine cl, HelpText help) {
        cl.setExpandAtFiles(false);
        cl.setOverwrittenOptionsAllowed(true);
        cl.setPosixClusteredShortOptionsAllowed(true);
        cl.setHelpSectionKeys(List.of(HELP_SECTION));
        cl.getHelpSectionMap().put(HELP_SECTION, h -> help.of(cl));
        CommandSpec spec = cl.getCommandSpec();
        if (spec.findOption("-h") == null) {
            // docker's -h: help, wherever the command does not use it for something else (run's --hostname)
            spec.addOption(OptionSpec.builder("-h").usageHelp(true).hidden(true).type(boolean.class).build());
        }
    }

    /** picocli's usual run, except that -h asked for help says it is deprecated, as docker does. */
    private static int runOrHelp(ParseResult parsed, Session session) {
        ParseResult last = parsed;
        while (last.hasSubcommand()) last = last.subcommand();
        OptionSpec shortHelp = last.commandSpec().findOption("-h");
        Integer help = CommandLine.executeHelpRequest(parsed);
        if (help != null) {
            if (shortHelp != null && shortHelp.usageHelp() && last.hasMatchedOption("-h")) session.err.println(SHORT_HELP_WARNING);
            return help;
        }
        return new CommandLine.RunLast().execute(parsed);
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
        // never a Java exception's name: its message, as docker prints an error
        session.err.println("purser: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
        return 1;
    }

    /** docker's usage errors: unknown flags and bad values exit 125, unknown commands 1. */
    static int usageError(ParameterException ex, Session session) {
        CommandLine cmd = ex.getCommandLine();
        CommandSpec spec = cmd.getCommandSpec();
        String path = spec.qualifiedName(" ");
        String usage = HelpText.synopsis(spec);
        if (ex instanceof UnmatchedArgumentException u && !u.getUnmatched().isEmpty() && !u.getUnmatched().get(0).startsWith("-")) {
            // as docker 28: a management command shows its bare usage line, the top level none
            session.err.println("purser: unknown command: " + path + " " + u.getUnmatched().get(0)
                    + (spec.parent() == null ? "" : "\n\nUsage:  " + path)
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
