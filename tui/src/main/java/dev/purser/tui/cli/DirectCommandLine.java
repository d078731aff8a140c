package dev.purser.tui.cli;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The short commands people and scripts run most ({@code ps}, {@code inspect}, {@code logs},
 * {@code stop}, {@code version}, and {@code run}, {@code create}, {@code exec} with the flags of
 * {@link FlagIndex}; also as {@code container ...}), read without picocli when their command
 * line is plain: picocli's classes, its reading of the annotations and the compiling of
 * both cost such a command about 100 ms of CPU, more than everything else it does after the JVM
 * has started (docs/decisions/0053). Whatever is not plain here — help, an unknown or unusual
 * flag or value, a global option other than -H/--host, --root, -D/--debug and -l/--log-level, any
 * other command — is left to picocli, so every message, usage text and exit code stays the one
 * picocli's tree gives.
 */
final class DirectCommandLine {

    private static final Pattern BARE_WORD = Pattern.compile("[a-z]+");

    private DirectCommandLine() {}

    /** The command {@code args} name, ready to call, with the global options applied to {@code session}; empty when picocli is to read the line. */
    static Optional<BaseCommand> read(Session session, String[] args) {
        String host = null;
        String root = null;
        int i = 0;
        while (i < args.length && args[i].startsWith("-")) {
            String a = args[i];
            int eq = a.startsWith("--") ? a.indexOf('=') : -1;
            String name = eq < 0 ? a : a.substring(0, eq);
            switch (name) {
                case "-D", "--debug" -> {
                    if (eq >= 0) return Optional.empty();
                    i++;
                    continue;
                }
                case "-H", "--host", "--root", "-l", "--log-level" -> { }
                default -> {
                    return Optional.empty();
                }
            }
            String value = eq >= 0 ? a.substring(eq + 1) : i + 1 < args.length ? args[i + 1] : null;
            // picocli refuses a global option's value that is a command's name ("-l info"): a bare word is left to it
            if (value == null || value.isEmpty() || value.startsWith("-") || BARE_WORD.matcher(value).matches()) return Optional.empty();
            i += eq >= 0 ? 1 : 2;
            if (name.equals("-H") || name.equals("--host")) host = value;
            else if (name.equals("--root")) root = value;
        }
        if (i >= args.length) return Optional.empty();
        String path;
        DirectFlags<?> flags;
        if (args[i].equals("container")) {
            if (i + 1 >= args.length) return Optional.empty();
            flags = containerFlags(args[i + 1]);
            path = "purser container " + (args[i + 1].equals("list") || args[i + 1].equals("ps") ? "ls" : args[i + 1]);
            i += 2;
        } else {
            flags = topFlags(args[i]);
            path = "purser " + args[i];
            i++;
        }
        if (flags == null) return Optional.empty();
        Optional<BaseCommand> command = read(flags, Arrays.asList(args).subList(i, args.length));
        if (command.isPresent()) {
            command.get().session = session;
            command.get().directPath = path;
            if (host != null) session.hostFlag = host;
            if (root != null) session.rootFlag = root;
        }
        return command;
    }

    // switches rather than maps of suppliers: each method reference is a call site to link at start-up

    private static DirectFlags<?> topFlags(String name) {
        switch (name) {
            case "ps": return PsCommand.directFlags();
            case "inspect": return InspectCommand.directFlags("");
            case "logs": return LogsCommand.directFlags();
            case "stop": return StopCommand.directFlags();
            case "version": return VersionCommand.directFlags();
            case "run": return FlagIndex.flags("run", RunCommand::new);
            case "create": return FlagIndex.flags("create", CreateCommand::new);
            case "exec": return FlagIndex.flags("exec", ExecCommand::new);
            default: return null;
        }
    }

    /** The {@code container} forms, under their names and aliases. */
    private static DirectFlags<?> containerFlags(String name) {
        switch (name) {
            case "ls", "list", "ps": return PsCommand.directFlags();
            case "inspect": return InspectCommand.directFlags("container");
            case "logs": return LogsCommand.directFlags();
            case "stop": return StopCommand.directFlags();
            case "run": return FlagIndex.flags("run", RunCommand::new);
            case "create": return FlagIndex.flags("create", CreateCommand::new);
            case "exec": return FlagIndex.flags("exec", ExecCommand::new);
            default: return null;
        }
    }

    private static <C extends BaseCommand> Optional<BaseCommand> read(DirectFlags<C> flags, List<String> args) {
        C command = flags.make();
        return flags.apply(command, args) ? Optional.of(command) : Optional.empty();
    }
}
