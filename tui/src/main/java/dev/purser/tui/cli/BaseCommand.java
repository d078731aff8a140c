package dev.purser.tui.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * What every command has: the session, docker's {@code --help} ({@code -h} too where the command
 * does not use it otherwise, see CommandTree), docker's argument-count errors, and the "do this to
 * each target" loop.
 */
abstract class BaseCommand implements Callable<Integer> {
    Session session;

    @Spec
    CommandSpec spec;

    /** The path the user typed ("purser container ls") when the command runs without picocli's model (DirectCommandLine). */
    String directPath;

    @Option(names = "--help", usageHelp = true, description = "Print usage")
    boolean help;

    /** The usage line after "purser ", e.g. "rm [OPTIONS] CONTAINER [CONTAINER...]". */
    abstract String usage();

    String commandPath() {
        return directPath != null ? directPath : spec.qualifiedName(" ");
    }

    void requireAtLeast(List<String> args, int n) {
        if (args == null || args.size() < n) throw argCount("requires at least " + n + " argument" + (n == 1 ? "" : "s"));
    }

    void requireExactly(List<String> args, int n) {
        if (args == null || args.size() != n) throw argCount("requires exactly " + n + " argument" + (n == 1 ? "" : "s"));
    }

    void requireBetween(List<String> args, int min, int max) {
        if (args == null || args.size() < min || args.size() > max) {
            throw argCount("requires at least " + min + " and at most " + max + " arguments");
        }
    }

    void requireNone(List<String> args) {
        if (args != null && !args.isEmpty()) throw argCount("accepts no arguments");
    }

    private CliError argCount(String what) {
        return new CliError("purser: '" + commandPath() + "' " + what + "\n\nUsage:  " + HelpText.synopsis(commandPath(), usage())
                + "\n\nSee '" + commandPath() + " --help' for more information", 1);
    }

    /** Runs {@code action} on each target, printing the target on success and each error; exit 1 if any failed. */
    int forEach(List<String> targets, TargetAction action) {
        List<String> errors = new ArrayList<>();
        for (String target : targets) {
            try {
                String printed = action.apply(target);
                if (printed != null) session.out.println(printed);
            } catch (RuntimeException e) {
                errors.add(e.getMessage());
            }
        }
        if (errors.isEmpty()) return 0;
        errors.forEach(session.err::println);
        return 1;
    }

    interface TargetAction {
        /** Acts on one target and returns what to print (usually the target), or null. */
        String apply(String target);
    }
}
