package dev.purser.tui.cli;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * The short commands people and scripts run most ({@code ps}, {@code inspect}, {@code logs},
 * {@code stop}, {@code version}, also as {@code container ...}), read without picocli when their
 * command line is plain: picocli's classes, its reading of the annotations and the compiling of
 * both cost such a command about 100 ms of CPU, more than everything else it does after the JVM
 * has started (docs/decisions/0053). Whatever is not plain here — help, an unknown or unusual
 * flag or value, a global option other than -H/--host, --root, -D/--debug and -l/--log-level, any
 * other command — is left to picocli, so every message, usage text and exit code stays the one
 * picocli's tree gives.
 */
final class DirectCommandLine {
    private static final Map<String, Supplier<DirectFlags<?>>> TOP = Map.of(
            "ps", PsCommand::directFlags,
            "inspect", () -> InspectCommand.directFlags(""),
            "logs", LogsCommand::directFlags,
            "stop", StopCommand::directFlags,
            "version", VersionCommand::directFlags);
    /** The {@code container} forms, under their names and aliases. */
    private static final Map<String, Supplier<DirectFlags<?>>> CONTAINER = Map.of(
            "ls", PsCommand::directFlags,
            "list", PsCommand::directFlags,
            "ps", PsCommand::directFlags,
            "inspect", () -> InspectCommand.directFlags("container"),
            "logs", LogsCommand::directFlags,
            "stop", StopCommand::directFlags);

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
        Supplier<DirectFlags<?>> flags;
        if (args[i].equals("container")) {
            if (i + 1 >= args.length) return Optional.empty();
            flags = CONTAINER.get(args[i + 1]);
            path = "purser container " + (List.of("list", "ps").contains(args[i + 1]) ? "ls" : args[i + 1]);
            i += 2;
        } else {
            flags = TOP.get(args[i]);
            path = "purser " + args[i];
            i++;
        }
        if (flags == null) return Optional.empty();
        Optional<BaseCommand> command = read(flags.get(), Arrays.asList(args).subList(i, args.length));
        command.ifPresent(c -> {
            c.session = session;
            c.directPath = path;
        });
        if (command.isPresent()) {
            if (host != null) session.hostFlag = host;
            if (root != null) session.rootFlag = root;
        }
        return command;
    }

    private static <C extends BaseCommand> Optional<BaseCommand> read(DirectFlags<C> flags, List<String> args) {
        C command = flags.make();
        return flags.apply(command, args) ? Optional.of(command) : Optional.empty();
    }
}
