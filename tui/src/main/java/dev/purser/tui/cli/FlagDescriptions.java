package dev.purser.tui.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * What each flag means and what type of value it takes, as {@code --help} shows them: the
 * option's own description when it has one, else {@code flags.properties} (kept apart from the
 * option declarations so every command's help reads as one text).
 */
final class FlagDescriptions {
    private final Map<String, String> text;

    private FlagDescriptions(Map<String, String> text) {
        this.text = Map.copyOf(text);
    }

    static FlagDescriptions load() {
        Properties p = new Properties();
        try (InputStream in = FlagDescriptions.class.getResourceAsStream("flags.properties")) {
            if (in == null) throw new IllegalStateException("flags.properties is missing from the purser jar");
            p.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> m = new HashMap<>();
        p.stringPropertyNames().forEach(k -> m.put(k, p.getProperty(k)));
        return new FlagDescriptions(m);
    }

    /** The description {@code --help} shows for {@code option} of {@code command}; empty when there is none. */
    String description(CommandSpec command, OptionSpec option) {
        String own = String.join(" ", option.description()).strip();
        if (!own.isEmpty()) return own;
        return lookup(command, key(option), "");
    }

    /** The value's type after the flag ("string", "list", ...), empty for a flag that takes none. */
    String type(CommandSpec command, OptionSpec option) {
        if (option.usageHelp() || option.versionHelp()) return "";
        Class<?> t = option.type();
        String natural;
        if (t == boolean.class || t == Boolean.class) natural = "";
        else if (java.util.Collection.class.isAssignableFrom(t) || t.isArray()) natural = "list";
        else if (t == int.class || t == Integer.class || t == long.class || t == Long.class) natural = "int";
        else natural = "string";
        return natural.isEmpty() ? "" : lookup(command, key(option) + ".type", natural);
    }

    private String lookup(CommandSpec command, String key, String fallback) {
        String specific = text.get(commandName(command) + "." + key);
        if (specific != null) return specific;
        return text.getOrDefault(key, fallback);
    }

    /** The name in the command's @Command annotation, the same under every path it is reached by. */
    static String commandName(CommandSpec command) {
        Command c = command.userObject() == null ? null : command.userObject().getClass().getAnnotation(Command.class);
        return c != null ? c.name() : command.name();
    }

    private static String key(OptionSpec option) {
        return option.longestName().replaceFirst("^-+", "");
    }
}
