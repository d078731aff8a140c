package dev.purser.tui.dashboard;

import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import java.util.function.Consumer;

/**
 * A line typed at the bottom of the screen (a filter, a search, a new name) or a y/N question,
 * and what to do with the answer.
 */
final class Prompt {
    private final String label;
    private final StringBuilder text;
    private final boolean confirm;
    private final Consumer<String> onEnter;
    private final Consumer<String> onEdit;
    private final Runnable onCancel;

    private Prompt(String label, String text, boolean confirm, Consumer<String> onEnter, Consumer<String> onEdit, Runnable onCancel) {
        this.label = label;
        this.text = new StringBuilder(text);
        this.confirm = confirm;
        this.onEnter = onEnter;
        this.onEdit = onEdit;
        this.onCancel = onCancel;
    }

    /** A line of text: Enter gives it to {@code onEnter}; each edit to {@code onEdit}; Esc runs {@code onCancel}. */
    static Prompt line(String label, String initial, Consumer<String> onEnter, Consumer<String> onEdit, Runnable onCancel) {
        return new Prompt(label, initial, false, onEnter, onEdit, onCancel);
    }

    static Prompt line(String label, String initial, Consumer<String> onEnter) {
        return line(label, initial, onEnter, t -> { }, () -> { });
    }

    /** A y/N question: y runs {@code onYes}, any other key {@code onNo}. */
    static Prompt confirm(String label, Runnable onYes, Runnable onNo) {
        return new Prompt(label, "", true, t -> onYes.run(), t -> { }, onNo);
    }

    String label() {
        return label;
    }

    String text() {
        return text.toString();
    }

    boolean confirming() {
        return confirm;
    }

    /** Takes one key; returns false when the prompt is finished (answered or cancelled). */
    boolean key(KeyStroke key) {
        if (confirm) {
            if (key.getKeyType() == KeyType.Character && (key.getCharacter() == 'y' || key.getCharacter() == 'Y')) onEnter.accept("y");
            else onCancel.run();
            return false;
        }
        switch (key.getKeyType()) {
            case Escape -> {
                onCancel.run();
                return false;
            }
            case Enter -> {
                onEnter.accept(text.toString());
                return false;
            }
            case Backspace -> {
                if (text.length() > 0) text.setLength(text.length() - 1);
                onEdit.accept(text.toString());
            }
            case Character -> {
                if (key.isCtrlDown() || key.isAltDown()) return true;
                text.append(key.getCharacter());
                onEdit.accept(text.toString());
            }
            default -> { }
        }
        return true;
    }
}
