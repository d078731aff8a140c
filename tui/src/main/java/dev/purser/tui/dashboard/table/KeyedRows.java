package dev.purser.tui.dashboard.table;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * A view's rows with a selection kept by key, so it survives a reload (when the selected row is
 * gone, the row that took its place is selected), and a scroll that keeps the selection visible.
 */
public class KeyedRows<T> {
    private final Function<T, String> key;
    private List<T> rows = List.of();
    private String selected;
    private int scroll;
    private boolean loaded;
    private int lastIndex;

    public KeyedRows(Function<T, String> key) {
        this.key = key;
    }

    public void replaceAll(List<T> fresh) {
        rows = List.copyOf(fresh);
        loaded = true;
        if (selected == null || rows.stream().noneMatch(r -> key.apply(r).equals(selected))) {
            int at = Math.max(0, Math.min(rows.size() - 1, lastIndex));
            selected = rows.isEmpty() ? null : key.apply(rows.get(at));
        }
        lastIndex = Math.max(0, selectedIndex());
    }

    public boolean loaded() {
        return loaded;
    }

    public List<T> rows() {
        return rows;
    }

    public Optional<T> selected() {
        return rows.stream().filter(r -> key.apply(r).equals(selected)).findFirst();
    }

    public int selectedIndex() {
        for (int i = 0; i < rows.size(); i++) if (key.apply(rows.get(i)).equals(selected)) return i;
        return -1;
    }

    public void move(int by) {
        if (rows.isEmpty()) return;
        int i = Math.max(0, Math.min(rows.size() - 1, Math.max(0, selectedIndex()) + by));
        selected = key.apply(rows.get(i));
        lastIndex = i;
    }

    /** The first row to show in {@code height} rows so that the selection is visible. */
    public int scrollFor(int height) {
        int i = Math.max(0, selectedIndex());
        if (i < scroll) scroll = i;
        if (i >= scroll + height) scroll = i - height + 1;
        scroll = Math.max(0, Math.min(scroll, Math.max(0, rows.size() - height)));
        return scroll;
    }
}
