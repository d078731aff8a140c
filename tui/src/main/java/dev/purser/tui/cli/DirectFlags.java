package dev.purser.tui.cli;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * One command's flags as {@link DirectCommandLine} reads them: each name, whether it takes a
 * value, and where that goes. The names repeat the command's picocli annotations (reading those
 * is what a short command cannot afford); {@code DirectCommandLineTest} holds the two together,
 * and a flag missing here only means that command lines using it go through picocli.
 *
 * @param <C> the command the flags fill in
 */
final class DirectFlags<C extends BaseCommand> {
    /** A number as picocli's converters all read it the same way: no sign, no leading zero, fits an int. */
    private static final Pattern PLAIN_NUMBER = Pattern.compile("0|[1-9][0-9]{0,8}");

    private enum Kind { FLAG, OPTIONAL_FLAG, TEXT, NUMBER }

    private record Flag<C>(Kind kind, BiConsumer<C, String> apply) {}

    private final Supplier<C> make;
    private final Map<String, Flag<C>> byName = new HashMap<>();
    private BiConsumer<C, String> positional;
    private boolean stopAtPositional;

    DirectFlags(Supplier<C> make) {
        this.make = make;
    }

    C make() {
        return make.get();
    }

    /** A flag that takes no value (a boolean option). */
    DirectFlags<C> flag(Consumer<C> set, String... names) {
        return add(Kind.FLAG, (c, v) -> set.accept(c), names);
    }

    /**
     * A boolean option that may take a value ({@code arity = "0..1"}, run's {@code --rm}): only
     * its bare form is read here; picocli reads a line where a {@code true} or {@code false}
     * follows it (it could be the flag's value).
     */
    DirectFlags<C> optionalFlag(Consumer<C> set, String... names) {
        return add(Kind.OPTIONAL_FLAG, (c, v) -> set.accept(c), names);
    }

    /** An option with a text value; a list option's {@code set} adds to it. */
    DirectFlags<C> text(BiConsumer<C, String> set, String... names) {
        return add(Kind.TEXT, set, names);
    }

    /** An option with a whole-number value. */
    DirectFlags<C> number(BiConsumer<C, Integer> set, String... names) {
        return add(Kind.NUMBER, (c, v) -> set.accept(c, Integer.valueOf(v)), names);
    }

    /** An option with a whole-number value kept as a long. */
    DirectFlags<C> longNumber(BiConsumer<C, Long> set, String... names) {
        return add(Kind.NUMBER, (c, v) -> set.accept(c, Long.valueOf(v)), names);
    }

    /** Where the positional arguments go, in order. */
    DirectFlags<C> positional(BiConsumer<C, String> add) {
        this.positional = add;
        return this;
    }

    /**
     * As picocli's {@code setStopAtPositional(true)} (run's IMAGE COMMAND ARG...): from the first
     * positional argument on, every argument is one, whatever it looks like.
     */
    DirectFlags<C> stopAtPositional() {
        this.stopAtPositional = true;
        return this;
    }

    /** Every name this table knows, for the test that holds it to the annotations. */
    Map<String, String> kinds() {
        Map<String, String> kinds = new HashMap<>();
        byName.forEach((name, flag) -> kinds.put(name, flag.kind().name()));
        return kinds;
    }

    boolean takesPositionals() {
        return positional != null;
    }

    private DirectFlags<C> add(Kind kind, BiConsumer<C, String> apply, String... names) {
        Flag<C> flag = new Flag<>(kind, apply);
        for (String name : names) byName.put(name, flag);
        return this;
    }

    /**
     * Applies {@code args} (what follows the command's name) to {@code command}, or answers false
     * when the line is not one picocli is sure to read the same way: an unknown or clustered
     * valued flag, {@code --flag=value} on a flag, a value that is empty or starts with '-', a bare
     * {@code -} or {@code --}, a number with a sign or a leading zero. Then the caller discards
     * {@code command} and picocli reads the line, errors and all.
     */
    boolean apply(C command, List<String> args) {
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (stopAtPositional && positional != null && !a.startsWith("-")) {
                for (String rest : args.subList(i, args.size())) {
                    // a "--" after the image: picocli's end of options or an argument? picocli decides
                    if (rest.equals("--")) return false;
                }
                for (String rest : args.subList(i, args.size())) positional.accept(command, rest);
                return true;
            }
            if (a.equals("-") || a.equals("--")) return false;
            if (a.startsWith("--")) {
                int eq = a.indexOf('=');
                Flag<C> flag = byName.get(eq < 0 ? a : a.substring(0, eq));
                if (flag == null) return false;
                if (flag.kind() == Kind.FLAG || flag.kind() == Kind.OPTIONAL_FLAG) {
                    if (eq >= 0 || flag.kind() == Kind.OPTIONAL_FLAG && booleanNext(args, i)) return false;
                    flag.apply().accept(command, null);
                    continue;
                }
                String value = eq >= 0 ? a.substring(eq + 1) : i + 1 < args.size() ? args.get(++i) : null;
                if (!applyValue(command, flag, value)) return false;
            } else if (a.startsWith("-")) {
                if (a.length() == 2) {
                    Flag<C> flag = byName.get(a);
                    if (flag == null) return false;
                    if (flag.kind() == Kind.FLAG || flag.kind() == Kind.OPTIONAL_FLAG) {
                        if (flag.kind() == Kind.OPTIONAL_FLAG && booleanNext(args, i)) return false;
                        flag.apply().accept(command, null);
                    } else if (!applyValue(command, flag, i + 1 < args.size() ? args.get(++i) : null)) {
                        return false;
                    }
                    continue;
                }
                // -aq: only a cluster of flags that take no value
                for (int k = 1; k < a.length(); k++) {
                    Flag<C> flag = byName.get("-" + a.charAt(k));
                    if (flag == null || flag.kind() != Kind.FLAG && flag.kind() != Kind.OPTIONAL_FLAG) return false;
                    if (flag.kind() == Kind.OPTIONAL_FLAG && booleanNext(args, i)) return false;
                }
                for (int k = 1; k < a.length(); k++) byName.get("-" + a.charAt(k)).apply().accept(command, null);
            } else {
                if (positional == null) return false;
                positional.accept(command, a);
            }
        }
        return true;
    }

    /** Whether the argument after {@code i} reads as a boolean, which picocli may take as an optional flag's value. */
    private static boolean booleanNext(List<String> args, int i) {
        return i + 1 < args.size() && (args.get(i + 1).equalsIgnoreCase("true") || args.get(i + 1).equalsIgnoreCase("false"));
    }

    private static <C> boolean applyValue(C command, Flag<C> flag, String value) {
        if (value == null || value.isEmpty() || value.startsWith("-")) return false;
        if (flag.kind() == Kind.NUMBER && !PLAIN_NUMBER.matcher(value).matches()) return false;
        flag.apply().accept(command, value);
        return true;
    }
}
