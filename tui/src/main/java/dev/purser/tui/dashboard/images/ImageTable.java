package dev.purser.tui.dashboard.images;

import java.util.List;
import java.util.Optional;

/** The images view's rows and selection (kept by reference, so it survives a reload). */
public final class ImageTable {
    private List<ImageEntry> rows = List.of();
    private String selected;
    private int scroll;
    private boolean loaded;

    public void replaceAll(List<ImageEntry> fresh) {
        rows = fresh.stream().sorted(java.util.Comparator.comparing(ImageEntry::reference)).toList();
        loaded = true;
        if (selected == null || rows.stream().noneMatch(r -> r.reference().equals(selected))) {
            selected = rows.isEmpty() ? null : rows.get(0).reference();
        }
    }

    public boolean loaded() {
        return loaded;
    }

    public List<ImageEntry> rows() {
        return rows;
    }

    public Optional<ImageEntry> selected() {
        return rows.stream().filter(r -> r.reference().equals(selected)).findFirst();
    }

    public int selectedIndex() {
        for (int i = 0; i < rows.size(); i++) if (rows.get(i).reference().equals(selected)) return i;
        return -1;
    }

    public void move(int by) {
        if (rows.isEmpty()) return;
        int i = Math.max(0, Math.min(rows.size() - 1, Math.max(0, selectedIndex()) + by));
        selected = rows.get(i).reference();
    }

    public int scrollFor(int height) {
        int i = Math.max(0, selectedIndex());
        if (i < scroll) scroll = i;
        if (i >= scroll + height) scroll = i - height + 1;
        scroll = Math.max(0, Math.min(scroll, Math.max(0, rows.size() - height)));
        return scroll;
    }
}
