package dev.purser.tui.cli;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Docker's {@code --help} layout: "Usage:  purser run [OPTIONS] IMAGE ...", the description,
 * "Aliases:", "Options:" sorted by long name with the value's type and what each flag means;
 * management commands list their commands instead, and the top level its commands by kind.
 */
final class HelpText {
    private static final List<String> COMMON = List.of("run", "exec", "ps", "images", "version", "info");
    private static final Set<String> MANAGEMENT = Set.of("container", "image", "volume");

    private final java.util.function.Supplier<FlagDescriptions> load;
    private FlagDescriptions flags;

    /** {@code load} is called when a help text is first made: a command that shows none never reads flags.properties. */
    HelpText(java.util.function.Supplier<FlagDescriptions> load) {
        this.load = load;
    }

    private FlagDescriptions flags() {
        if (flags == null) flags = load.get();
        return flags;
    }

    /** "purser container ls [OPTIONS]": the path the user typed, then the command's arguments. */
    static String synopsis(CommandSpec spec) {
        String path = spec.qualifiedName(" ");
        if (spec.userObject() instanceof BaseCommand b) return synopsis(path, b.usage());
        return spec.parent() == null ? path + " [OPTIONS] COMMAND" : path + " COMMAND";
    }

    /** The same from the path and the command's usage line ("rm [OPTIONS] CONTAINER [CONTAINER...]"). */
    static String synopsis(String path, String usage) {
        int space = usage.indexOf(' ');
        return space < 0 ? path : path + usage.substring(space);
    }

    String of(CommandLine cl) {
        CommandSpec spec = cl.getCommandSpec();
        StringBuilder s = new StringBuilder();
        s.append("Usage:  ").append(synopsis(spec)).append("\n\n");
        s.append(String.join(" ", spec.usageMessage().description())).append('\n');
        List<String> aliases = aliases(cl);
        if (aliases.size() > 1) {
            s.append("\nAliases:\n  ").append(String.join(", ", aliases)).append('\n');
        }
        if (spec.userObject() instanceof BaseCommand) {
            options(s, "Options:", spec);
            return s.toString();
        }
        Map<String, CommandLine> subs = new LinkedHashMap<>(distinct(cl));
        subs.values().removeIf(sub -> sub.getCommandSpec().usageMessage().hidden());
        if (spec.parent() == null) {
            commands(s, "Common Commands:", subs, COMMON::contains);
            commands(s, "Management Commands:", subs, MANAGEMENT::contains);
            commands(s, "Commands:", subs, n -> !COMMON.contains(n) && !MANAGEMENT.contains(n));
            options(s, "Global Options:", spec);
            s.append("\nRun '").append(spec.qualifiedName(" ")).append(" COMMAND --help' for more information on a command.\n");
        } else {
            commands(s, "Commands:", subs, n -> true);
            s.append("\nRun '").append(spec.qualifiedName(" ")).append(" COMMAND --help' for more information on a command.\n");
        }
        return s.toString();
    }

    private void options(StringBuilder s, String heading, CommandSpec spec) {
        List<String[]> rows = new ArrayList<>();
        spec.options().stream()
                .filter(o -> !o.hidden() && !o.usageHelp())
                .sorted(Comparator.comparing(o -> o.longestName().replaceFirst("^-+", "")))
                .forEach(o -> rows.add(new String[] {flagColumn(spec, o), flags().description(spec, o)}));
        if (rows.isEmpty()) return;
        int width = rows.stream().mapToInt(r -> r[0].length()).max().orElse(0) + 3;
        s.append('\n').append(heading).append('\n');
        for (String[] r : rows) {
            s.append(pad(r[0], width)).append(r[1]).append('\n');
        }
    }

    private String flagColumn(CommandSpec spec, OptionSpec o) {
        String shortName = null;
        String longName = o.longestName();
        for (String n : o.names()) {
            if (n.length() == 2 && !n.startsWith("--")) shortName = n;
        }
        String type = flags().type(spec, o);
        String names = longName.length() == 2 ? "  " + longName : shortName == null ? "      " + longName : "  " + shortName + ", " + longName;
        return type.isEmpty() ? names : names + " " + type;
    }

    private static void commands(StringBuilder s, String heading, Map<String, CommandLine> subs, java.util.function.Predicate<String> which) {
        List<Map.Entry<String, CommandLine>> listed = subs.entrySet().stream().filter(e -> which.test(e.getKey())).toList();
        if (listed.isEmpty()) return;
        int width = Math.max(11, listed.stream().mapToInt(e -> e.getKey().length()).max().orElse(0)) + 1;
        s.append('\n').append(heading).append('\n');
        for (Map.Entry<String, CommandLine> e : listed) {
            s.append("  ").append(pad(e.getKey(), width)).append(String.join(" ", e.getValue().getCommandSpec().usageMessage().description())).append('\n');
        }
    }

    /** Subcommands by their name, each once (picocli maps aliases too), sorted. */
    private static Map<String, CommandLine> distinct(CommandLine cl) {
        Map<CommandLine, String> seen = new IdentityHashMap<>();
        cl.getSubcommands().forEach((name, sub) -> seen.putIfAbsent(sub, sub.getCommandName()));
        Map<String, CommandLine> out = new LinkedHashMap<>();
        seen.entrySet().stream().sorted(Map.Entry.comparingByValue()).forEach(e -> out.put(e.getValue(), e.getKey()));
        return out;
    }

    /**
     * Every way to type this command, as Docker lists them: the management form and its aliases
     * first, then the top-level one ("purser container ls, purser container list, purser container ps, purser ps").
     */
    private static List<String> aliases(CommandLine cl) {
        List<String> group = new ArrayList<>();
        List<String> top = new ArrayList<>();
        CommandLine root = cl;
        while (root.getParent() != null) root = root.getParent();
        collect(root, cl, group, top);
        List<String> all = new ArrayList<>(group);
        all.addAll(top);
        return all;
    }

    private static void collect(CommandLine parent, CommandLine wanted, List<String> group, List<String> top) {
        for (CommandLine sub : distinct(parent).values()) {
            if (same(sub, wanted)) {
                String prefix = parent.getCommandSpec().qualifiedName(" ") + " ";
                List<String> into = parent.getParent() == null ? top : group;
                into.add(prefix + sub.getCommandName());
                for (String alias : sub.getCommandSpec().aliases()) into.add(prefix + alias);
            }
            collect(sub, wanted, group, top);
        }
    }

    /** Whether two entries of the tree are the same command reached by two paths. */
    private static boolean same(CommandLine a, CommandLine b) {
        Object x = a.getCommand();
        Object y = b.getCommand();
        if (x == y) return true;
        if (!(x instanceof BaseCommand) || x.getClass() != y.getClass()) return false;
        return !(x instanceof InspectCommand ix) || ix.type.equals(((InspectCommand) y).type);
    }

    private static String pad(String text, int width) {
        return text.length() >= width ? text + " " : text + " ".repeat(width - text.length());
    }
}
