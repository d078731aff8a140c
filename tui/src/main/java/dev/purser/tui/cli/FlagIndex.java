package dev.purser.tui.cli;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

/**
 * The flags of {@code run}, {@code create} and {@code exec} for {@link DirectCommandLine}, read
 * from the resource {@link FlagIndexWriter} wrote at build time from picocli's model of them:
 * their names, kinds and fields are the annotations' own, with no table to keep beside them and
 * without building picocli's model of ~100 options per command at run time (docs/decisions/0057).
 * Values reach the fields by reflection. Without the resource (classes built some other way)
 * there is no direct reading of these commands, and picocli reads every line as before.
 */
final class FlagIndex {
    static final String RESOURCE = "direct-flags.txt";

    private FlagIndex() {}

    /** {@code command}'s flags, each command made by {@code make}; null when the index has none. */
    static <C extends BaseCommand> DirectFlags<C> flags(String command, Supplier<C> make) {
        List<String[]> lines = lines(command);
        if (lines.isEmpty()) return null;
        List<String> mixins = new ArrayList<>();
        for (String[] line : lines) {
            if (line[1].equals("MIXIN")) mixins.add(line[2]);
        }
        DirectFlags<C> flags = new DirectFlags<>(() -> withMixins(make.get(), mixins));
        for (String[] line : lines) {
            String path = line[2];
            String[] names = Arrays.copyOfRange(line, 3, line.length);
            switch (line[1]) {
                case "FLAG" -> flags.flag(c -> set(c, path, Boolean.TRUE), names);
                case "OPTIONAL_FLAG" -> flags.optionalFlag(c -> set(c, path, Boolean.TRUE), names);
                case "TEXT" -> flags.text((c, v) -> set(c, path, v), names);
                case "LIST" -> flags.text((c, v) -> list(c, path).add(v), names);
                case "INT" -> flags.number((c, v) -> set(c, path, v), names);
                case "LONG" -> flags.longNumber((c, v) -> set(c, path, v), names);
                case "POSITIONAL" -> flags.positional((c, v) -> list(c, path).add(v)).stopAtPositional();
                case "MIXIN" -> { }
                default -> {
                    return null;
                }
            }
        }
        return flags;
    }

    private static List<String[]> lines(String command) {
        List<String[]> lines = new ArrayList<>();
        try (InputStream in = FlagIndex.class.getResourceAsStream(RESOURCE)) {
            if (in == null) return lines;
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                String[] fields = line.split(" ");
                if (fields.length >= 3 && fields[0].equals(command)) lines.add(fields);
            }
        } catch (IOException e) {
            lines.clear();
        }
        return lines;
    }

    /** The command with its mixins made, as picocli makes them. */
    private static <C> C withMixins(C command, List<String> mixins) {
        for (String mixin : mixins) {
            try {
                Field f = field(command.getClass(), mixin);
                if (f.get(command) == null) {
                    var constructor = f.getType().getDeclaredConstructor();
                    constructor.setAccessible(true);
                    f.set(command, constructor.newInstance());
                }
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot make the mixin " + mixin, e);
            }
        }
        return command;
    }

    private static void set(Object command, String path, Object value) {
        try {
            Object holder = holder(command, path);
            field(holder.getClass(), leaf(path)).set(holder, value);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot set " + path, e);
        }
    }

    @SuppressWarnings("unchecked")
    private static List<String> list(Object command, String path) {
        try {
            Object holder = holder(command, path);
            Field f = field(holder.getClass(), leaf(path));
            if (f.get(holder) == null) f.set(holder, new ArrayList<String>());
            return (List<String>) f.get(holder);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot add to " + path, e);
        }
    }

    /** The object a path's last field belongs to: the command, or its mixin for {@code mixin.field}. */
    private static Object holder(Object command, String path) throws ReflectiveOperationException {
        int dot = path.indexOf('.');
        return dot < 0 ? command : field(command.getClass(), path.substring(0, dot)).get(command);
    }

    private static String leaf(String path) {
        return path.substring(path.indexOf('.') + 1);
    }

    /** A field declared by {@code type} or a superclass, made accessible. */
    private static Field field(Class<?> type, String name) throws NoSuchFieldException {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            try {
                Field f = c.getDeclaredField(name);
                f.setAccessible(true);
                return f;
            } catch (NoSuchFieldException e) {
                // declared further up
            }
        }
        throw new NoSuchFieldException(name + " in " + type.getName());
    }
}
