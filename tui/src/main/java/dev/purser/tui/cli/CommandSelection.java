package dev.purser.tui.cli;

import java.util.Set;

/**
 * Which command a command line names, found before picocli sees it, so that only that command's
 * model is built: picocli reads every command's annotations by reflection, and building all
 * fifty of them cost a short command most of its start-up. Whatever is unclear (no command,
 * help anywhere on the line, completion, an option this does not know) selects everything, and picocli decides as
 * before; a name that matches nothing is picocli's unknown command either way.
 *
 * @param top the top-level command's name, or null for all of them
 * @param sub for the {@code container}/{@code image}/{@code system}/{@code volume}/{@code network} groups, the subcommand's name, or null for all
 */
record CommandSelection(String top, String sub) {
    static final CommandSelection ALL = new CommandSelection(null, null);

    /** PurserCommand's options that take a value in the next argument. */
    private static final Set<String> GLOBAL_WITH_VALUE = Set.of("-H", "--host", "--root", "-l", "--log-level");
    private static final Set<String> GLOBAL_FLAGS = Set.of("-D", "--debug");
    private static final Set<String> GROUPS = Set.of("container", "image", "system", "volume", "network");
    private static final Set<String> NEEDS_ALL = Set.of("help", "completion");

    static CommandSelection of(String[] args) {
        for (String a : args) {
            // help names a command's other forms (aliases in the groups): it needs the whole tree
            if (a.equals("--help") || a.equals("-h")) return ALL;
        }
        int i = skipOptions(args, 0, true);
        if (i < 0 || i >= args.length || NEEDS_ALL.contains(args[i])) return ALL;
        String top = args[i];
        if (!GROUPS.contains(top)) return new CommandSelection(top, null);
        int j = skipOptions(args, i + 1, false);
        if (j < 0 || j >= args.length) return new CommandSelection(top, null);
        return new CommandSelection(top, args[j]);
    }

    /** The index of the first non-option argument from {@code i}; -1 when an option means "show help" or is unknown. */
    private static int skipOptions(String[] args, int i, boolean global) {
        while (i < args.length && args[i].startsWith("-")) {
            String a = args[i];
            String name = a.contains("=") ? a.substring(0, a.indexOf('=')) : a;
            if (global && GLOBAL_WITH_VALUE.contains(name)) {
                i += a.contains("=") ? 1 : 2;
            } else if (global && GLOBAL_FLAGS.contains(a)) {
                i++;
            } else {
                return -1;
            }
        }
        return i;
    }

    /** Whether a top-level command with this name (or one of these aliases) is to be built. */
    boolean wantsTop(String name) {
        return top == null || top.equals(name);
    }

    /** Whether a command of {@code group} with this name or these aliases is to be built. */
    boolean wantsIn(String group, String name, String... aliases) {
        if (top == null) return true;
        if (!top.equals(group)) return false;
        if (sub == null || sub.equals(name)) return true;
        for (String alias : aliases) {
            if (alias.equals(sub)) return true;
        }
        return false;
    }
}
