package dev.purser.tui.cli;

import java.io.IOException;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Run at build time (the tui module's {@code process-classes}): writes {@link FlagIndex}'s
 * resource from picocli's own model of {@code run}, {@code create} and {@code exec}, so the
 * direct reading of their lines knows each flag's names, kind and field without a second
 * definition of any of them and without picocli at run time (docs/decisions/0057). An option
 * whose type or arity the index has no kind for is left out: lines using it go to picocli.
 */
public final class FlagIndexWriter {
    private FlagIndexWriter() {}

    public static void main(String[] args) throws IOException {
        Path out = Path.of(args[0]);
        Files.createDirectories(out.getParent());
        Files.writeString(out, String.join("\n", lines()) + "\n", StandardCharsets.UTF_8);
    }

    /** The index's lines: {@code command kind field name...}, a field of a mixin as {@code mixin.field}. */
    static List<String> lines() {
        List<String> lines = new ArrayList<>();
        for (BaseCommand command : List.of(new RunCommand(), new CreateCommand(), new ExecCommand())) {
            CommandSpec spec = new CommandLine(command).getCommandSpec();
            String name = spec.name();
            Map<OptionSpec, String> mixinOf = new IdentityHashMap<>();
            for (Map.Entry<String, CommandSpec> mixin : spec.mixins().entrySet()) {
                String field = mixinField(command.getClass(), mixin.getValue().userObject().getClass());
                lines.add(name + " MIXIN " + field);
                mixin.getValue().options().forEach(o -> mixinOf.put(o, field));
            }
            for (OptionSpec o : spec.options()) {
                if (o.usageHelp() || o.versionHelp() || !(o.userObject() instanceof Field field)) continue;
                String kind = kind(o);
                if (kind == null) continue;
                String mixin = mixinOf.get(o);
                lines.add(name + " " + kind + " " + (mixin == null ? "" : mixin + ".") + field.getName() + " " + String.join(" ", o.names()));
            }
            if (!spec.positionalParameters().isEmpty()) {
                Object positional = spec.positionalParameters().get(0).userObject();
                if (spec.positionalParameters().size() == 1 && positional instanceof Field field && List.class.isAssignableFrom(field.getType())) {
                    lines.add(name + " POSITIONAL " + field.getName());
                }
            }
        }
        return lines;
    }

    /** The name of the {@code @Mixin} field of {@code command} (or a superclass) that holds a {@code type}. */
    private static String mixinField(Class<?> command, Class<?> type) {
        for (Class<?> c = command; c != Object.class; c = c.getSuperclass()) {
            for (Field f : c.getDeclaredFields()) {
                if (f.isAnnotationPresent(CommandLine.Mixin.class) && f.getType() == type) return f.getName();
            }
        }
        throw new IllegalStateException("no @Mixin field of type " + type.getName() + " in " + command.getName());
    }

    /** The index's kind of an option, or null when the direct reading has none for it. */
    private static String kind(OptionSpec o) {
        Class<?> type = o.type();
        String arity = o.arity().toString();
        boolean plain = o.splitRegex().isEmpty() && o.converters().length == 0 && o.parameterConsumer() == null && !o.negatable();
        if (!plain) return null;
        if (type == boolean.class || type == Boolean.class) {
            if (arity.equals("0")) return "FLAG";
            if (arity.equals("0..1") && "true".equals(o.fallbackValue())) return "OPTIONAL_FLAG";
            return null;
        }
        if (!arity.equals("1")) return null;
        if (type == String.class) return "TEXT";
        if (List.class.isAssignableFrom(type) && o.auxiliaryTypes().length == 1 && o.auxiliaryTypes()[0] == String.class) return "LIST";
        if (type == int.class || type == Integer.class) return "INT";
        if (type == long.class || type == Long.class) return "LONG";
        return null;
    }
}
