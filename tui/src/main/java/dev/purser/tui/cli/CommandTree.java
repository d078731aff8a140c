package dev.purser.tui.cli;

import dev.purser.tui.Purser;
import dev.purser.tui.client.DaemonError;
import dev.purser.tui.client.DaemonUnavailableException;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Builds purser's picocli tree (top-level commands plus the {@code container}/{@code image}/{@code system}/{@code volume}
 * management commands) and translates picocli's errors into docker's wording and exit codes.
 */
public final class CommandTree {
    private CommandTree() {}

    /** Parses and runs {@code args}, returning the exit code; never exits the JVM. */
    public static int execute(Session session, String[] args) {
        java.util.Optional<BaseCommand> direct = DirectCommandLine.read(session, args);
        if (direct.isPresent()) return call(direct.get(), session);
        CommandLine root = build(session, CommandSelection.of(args));
        root.setExecutionExceptionHandler((e, cmd, parsed) -> handle(e, cmd, session));
        root.setExecutionStrategy(parsed -> runOrHelp(parsed, session));
        root.setParameterExceptionHandler((ex, args0) -> usageError(ex, session));
        root.setOut(new java.io.PrintWriter(session.out, true));
        root.setErr(new java.io.PrintWriter(session.err, true));
        return root.execute(args);
    }

    static CommandLine build(Session session) {
        return build(session, CommandSelection.ALL);
    }

    /** The tree with only the commands {@code only} selects (the root and groups are always there). */
    static CommandLine build(Session session, CommandSelection only) {
        CommandLine root = new CommandLine(new PurserCommand(session));
        root.getCommandSpec().version("purser version " + Purser.version());
        // Classes, not constructors: only the selected commands are made (and their classes
        // initialised), and a class literal links nothing at start-up where a method reference would.
        for (Class<? extends BaseCommand> top : List.<Class<? extends BaseCommand>>of(
                RunCommand.class, CreateCommand.class, StartCommand.class, StopCommand.class, KillCommand.class,
                RestartCommand.class, PauseCommand.class, UnpauseCommand.class, RmCommand.class, RenameCommand.class,
                WaitCommand.class, PsCommand.class, LogsCommand.class, InspectCommand.class, ImagesCommand.class,
                ExecCommand.class, AttachCommand.class, TopCommand.class, PortCommand.class, StatsCommand.class, EventsCommand.class,
                HistoryCommand.class, CpCommand.class, TagCommand.class, RmiCommand.class, ImportCommand.class, LoadCommand.class,
                SaveCommand.class, VersionCommand.class, InfoCommand.class, DaemonCommand.class, CompletionCommand.class, HelpCommand.class)) {
            if (!only.wantsTop(name(top))) continue;
            CommandLine sub = command(make(top), session);
            // Top-level aliases such as "ps ls" belong to the management forms only.
            root.addSubcommand(sub.getCommandName(), sub);
        }
        CommandLine container = new CommandLine(new GroupCommand(session));
        container.getCommandSpec().name("container").usageMessage().description("Manage containers");
        for (Class<? extends BaseCommand> c : List.<Class<? extends BaseCommand>>of(
                RunCommand.class, CreateCommand.class, StartCommand.class, StopCommand.class, KillCommand.class,
                RestartCommand.class, PauseCommand.class, UnpauseCommand.class, RmCommand.class, RenameCommand.class,
                WaitCommand.class, PsCommand.class, LogsCommand.class, ExecCommand.class, AttachCommand.class, TopCommand.class,
                PortCommand.class, StatsCommand.class, ContainerPruneCommand.class, CpCommand.class)) {
            String name = name(c).equals("ps") ? "ls" : name(c);
            String[] aliases = switch (name) {
                case "ls" -> new String[] {"list", "ps"};
                case "rm" -> new String[] {"remove"};
                default -> new String[0];
            };
            if (!only.wantsIn("container", name, aliases)) continue;
            add(container, name, command(make(c), session), aliases);
        }
        if (only.wantsIn("container", "inspect")) {
            add(container, "inspect", command(typed(new InspectCommand(), "container"), session));
        }
        root.addSubcommand("container", container);
        CommandLine image = new CommandLine(new GroupCommand(session));
        image.getCommandSpec().name("image").usageMessage().description("Manage images");
        addIf(image, only, "ls", ImagesCommand.class, session, "list");
        if (only.wantsIn("image", "inspect")) add(image, "inspect", command(typed(new InspectCommand(), "image"), session));
        addIf(image, only, "rm", RmiCommand.class, session, "rmi", "remove");
        addIf(image, only, "history", HistoryCommand.class, session);
        addIf(image, only, "tag", TagCommand.class, session);
        addIf(image, only, "load", LoadCommand.class, session);
        addIf(image, only, "save", SaveCommand.class, session);
        addIf(image, only, "import", ImportCommand.class, session);
        addIf(image, only, "prune", ImagePruneCommand.class, session);
        root.addSubcommand("image", image);
        CommandLine system = new CommandLine(new GroupCommand(session));
        system.getCommandSpec().name("system").usageMessage().description("Manage Docker");
        if (only.wantsIn("system", "df")) add(system, "df", command(new SystemDfCommand(), session));
        root.addSubcommand("system", system);
        CommandLine volume = new CommandLine(new GroupCommand(session));
        volume.getCommandSpec().name("volume").usageMessage().description("Manage volumes");
        addIf(volume, only, "create", VolumeCreateCommand.class, session);
        addIf(volume, only, "inspect", VolumeInspectCommand.class, session);
        addIf(volume, only, "ls", VolumeLsCommand.class, session, "list");
        addIf(volume, only, "rm", VolumeRmCommand.class, session, "remove");
        addIf(volume, only, "prune", VolumePruneCommand.class, session);
        root.addSubcommand("volume", volume);
        CommandLine network = new CommandLine(new GroupCommand(session));
        network.getCommandSpec().name("network").usageMessage().description("Manage networks");
        addIf(network, only, "create", NetworkCreateCommand.class, session);
        addIf(network, only, "inspect", NetworkInspectCommand.class, session);
        addIf(network, only, "ls", NetworkLsCommand.class, session, "list");
        addIf(network, only, "rm", NetworkRmCommand.class, session, "remove");
        addIf(network, only, "prune", NetworkPruneCommand.class, session);
        addIf(network, only, "connect", NetworkConnectCommand.class, session);
        addIf(network, only, "disconnect", NetworkDisconnectCommand.class, session);
        root.addSubcommand("network", network);
        HelpText help = new HelpText(FlagDescriptions::load);
        root.getSubcommands().values().forEach(cl -> configure(cl, help));
        configure(root, help);
        container.getSubcommands().values().forEach(cl -> configure(cl, help));
        image.getSubcommands().values().forEach(cl -> configure(cl, help));
        system.getSubcommands().values().forEach(cl -> configure(cl, help));
        volume.getSubcommands().values().forEach(cl -> configure(cl, help));
        network.getSubcommands().values().forEach(cl -> configure(cl, help));
        return root;
    }

    /** Adds {@code sub} as {@code name}: its own name becomes that, so usage lines and errors say "purser container ls". */
    private static void add(CommandLine group, String name, CommandLine sub, String... aliases) {
        sub.getCommandSpec().name(name);
        group.addSubcommand(name, sub, aliases);
    }

    /** Adds a group's command when {@code only} selects it (building a command's model is what costs). */
    private static void addIf(CommandLine group, CommandSelection only, String name, Class<? extends BaseCommand> type,
            Session session, String... aliases) {
        if (only.wantsIn(group.getCommandName(), name, aliases)) add(group, name, command(make(type), session), aliases);
    }

    /** A command's name from its annotation, read without making the command or building its picocli model. */
    private static String name(Class<? extends BaseCommand> type) {
        return type.getAnnotation(picocli.CommandLine.Command.class).name();
    }

    private static BaseCommand make(Class<? extends BaseCommand> type) {
        try {
            return type.getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot make the command " + type.getName(), e);
        }
    }

    private static InspectCommand typed(InspectCommand c, String type) {
        c.type = type;
        return c;
    }

    private static CommandLine command(BaseCommand c, Session session) {
        c.session = session;
        CommandLine cl = new CommandLine(c);
        if (c instanceof NewContainerCommand || c instanceof ExecCommand || c instanceof TopCommand) cl.setStopAtPositional(true);
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

    /** Runs a command DirectCommandLine read as picocli's execute would: its exit code, or its error handled the same way. */
    private static int call(BaseCommand command, Session session) {
        try {
            return command.call();
        } catch (Exception e) {
            return handle(e, null, session);
        }
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
