package dev.purser.tui.dashboard.volumes;

import java.util.List;
import java.util.Optional;

/** The Volumes view's rows and selection (kept by name, so it survives a reload). */
public final class VolumeTable {
    private List<VolumeEntry> rows = List.of();
    private String selected;
    private int scroll;
    private boolean loaded;
    /** Where the selection was, so that removing it selects the row that took its place. */
    private int lastIndex;

    public void replaceAll(List<VolumeEntry> fresh) {
        rows = List.copyOf(fresh);
        loaded = true;
        if (selected == null || rows.stream().noneMatch(r -> r.name().equals(selected))) {
            int at = Math.max(0, Math.min(rows.size() - 1, lastIndex));
            selected = rows.isEmpty() ? null : rows.get(at).name();
        }
        lastIndex = Math.max(0, selectedIndex());
    }

    public boolean loaded() {
        return loaded;
    }

    public List<VolumeEntry> rows() {
        return rows;
    }

    public Optional<VolumeEntry> selected() {
        return rows.stream().filter(r -> r.name().equals(selected)).findFirst();
    }

    public int selectedIndex() {
        for (int i = 0; i < rows.size(); i++) if (rows.get(i).name().equals(selected)) return i;
        return -1;
    }

    public void move(int by) {
        if (rows.isEmpty()) return;
        int i = Math.max(0, Math.min(rows.size() - 1, Math.max(0, selectedIndex()) + by));
        selected = rows.get(i).name();
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
