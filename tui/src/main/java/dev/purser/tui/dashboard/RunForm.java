package dev.purser.tui.dashboard;

import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import java.util.ArrayList;
import java.util.List;

/**
 * The run form's fields and the cursor in them: what {@code purser run} would be given, field by
 * field. It knows nothing of the engine: {@link #arguments()} is the {@code run} command line,
 * which the CLI's own parser turns into a create request.
 */
final class RunForm {
    /** A field: its label, and whether it takes several values separated by blanks. */
    enum Field {
        IMAGE("image"), NAME("name"), COMMAND("command"), ENV("env (KEY=VALUE ...)"), PORTS("ports (-p ...)"),
        VOLUMES("volumes (-v ...)"), RESTART("restart policy"), THEN("then");

        final String label;

        Field(String label) {
            this.label = label;
        }
    }

    /** What happens after the start: nothing (detached), or a shell in the container, as {@code e} opens. */
    enum Then { DETACHED, SHELL }

    /** What a key did to the form. */
    enum Outcome { EDITING, SUBMIT, CANCEL }

    private final String[] values = new String[Field.values().length];
    private Field current = Field.IMAGE;
    private Then then = Then.DETACHED;

    RunForm(String image) {
        java.util.Arrays.fill(values, "");
        values[Field.IMAGE.ordinal()] = image;
        values[Field.RESTART.ordinal()] = "no";
    }

    Field current() {
        return current;
    }

    String value(Field f) {
        return f == Field.THEN ? (then == Then.SHELL ? "a shell in it (as e)" : "detached") : values[f.ordinal()];
    }

    Then then() {
        return then;
    }

    String name() {
        return values[Field.NAME.ordinal()].strip();
    }

    Outcome key(KeyStroke key) {
        switch (key.getKeyType()) {
            case Escape -> {
                return Outcome.CANCEL;
            }
            case Enter -> {
                return Outcome.SUBMIT;
            }
            case ArrowDown, Tab -> current = Field.values()[(current.ordinal() + 1) % Field.values().length];
            case ArrowUp, ReverseTab -> current = Field.values()[(current.ordinal() + Field.values().length - 1) % Field.values().length];
            case ArrowLeft, ArrowRight -> {
                if (current == Field.THEN) toggleThen();
            }
            case Backspace -> {
                String v = values[current.ordinal()];
                if (current != Field.THEN && !v.isEmpty()) values[current.ordinal()] = v.substring(0, v.length() - 1);
            }
            case Character -> {
                if (key.isCtrlDown() || key.isAltDown()) break;
                if (current == Field.THEN) {
                    if (key.getCharacter() == ' ') toggleThen();
                } else {
                    values[current.ordinal()] += key.getCharacter();
                }
            }
            default -> { }
        }
        return Outcome.EDITING;
    }

    private void toggleThen() {
        then = then == Then.DETACHED ? Then.SHELL : Then.DETACHED;
    }

    /**
     * The {@code run} arguments: {@code -d} always (the dashboard never attaches a run), and for
     * a shell afterwards {@code -it} too, so a container whose command is a shell keeps running
     * for the shell to join.
     */
    List<String> arguments() {
        List<String> args = new ArrayList<>();
        args.add("-d");
        if (then == Then.SHELL) args.add("-it");
        if (!name().isEmpty()) args.add("--name=" + name());
        for (String e : words(values[Field.ENV.ordinal()])) args.add("--env=" + e);
        for (String p : words(values[Field.PORTS.ordinal()])) args.add("--publish=" + p);
        for (String v : words(values[Field.VOLUMES.ordinal()])) args.add("--volume=" + v);
        String restart = values[Field.RESTART.ordinal()].strip();
        if (!restart.isEmpty()) args.add("--restart=" + restart);
        args.add(values[Field.IMAGE.ordinal()].strip());
        args.addAll(words(values[Field.COMMAND.ordinal()]));
        return args;
    }

    /** Blank-separated words; single or double quotes keep blanks inside one word, as a shell would. */
    static List<String> words(String text) {
        List<String> out = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean inWord = false;
        char quote = 0;
        for (char c : text.toCharArray()) {
            if (quote != 0) {
                if (c == quote) quote = 0;
                else word.append(c);
            } else if (c == '\'' || c == '"') {
                quote = c;
                inWord = true;
            } else if (Character.isWhitespace(c)) {
                if (inWord) out.add(word.toString());
                word.setLength(0);
                inWord = false;
            } else {
                word.append(c);
                inWord = true;
            }
        }
        if (inWord) out.add(word.toString());
        return out;
    }
}
