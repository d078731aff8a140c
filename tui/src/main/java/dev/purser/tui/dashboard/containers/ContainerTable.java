package dev.purser.tui.dashboard.containers;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The containers the dashboard knows, as shown: sorted by one column, filtered by text, with the
 * selection and the marks kept by container id so they survive every update.
 */
public final class ContainerTable {
    private final Map<String, ContainerEntry> entries = new HashMap<>();
    private final Set<String> marked = new LinkedHashSet<>();
    private List<ContainerEntry> shown = List.of();
    private Column sort = Column.CREATED;
    private boolean reversed;
    private String filter = "";
    private String selected;
    private int scroll;

    /** Replaces everything with a fresh listing. */
    public void replaceAll(Collection<ContainerEntry> fresh) {
        entries.clear();
        fresh.forEach(e -> entries.put(e.id(), e));
        marked.retainAll(entries.keySet());
        refresh();
    }

    /** One container changed (or appeared). */
    public void put(ContainerEntry entry) {
        entries.put(entry.id(), entry);
        refresh();
    }

    /** One container is gone. */
    public void remove(String id) {
        entries.remove(id);
        marked.remove(id);
        refresh();
    }

    public int size() {
        return entries.size();
    }

    public long running() {
        return entries.values().stream().filter(ContainerEntry::running).count();
    }

    public List<ContainerEntry> shown() {
        return shown;
    }

    public Optional<ContainerEntry> selected() {
        return Optional.ofNullable(selected).map(entries::get);
    }

    public Optional<ContainerEntry> byId(String id) {
        return Optional.ofNullable(entries.get(id));
    }

    public List<ContainerEntry> all() {
        return List.copyOf(entries.values());
    }

    public int selectedIndex() {
        for (int i = 0; i < shown.size(); i++) if (shown.get(i).id().equals(selected)) return i;
        return -1;
    }

    public void move(int rows) {
        if (shown.isEmpty()) return;
        int i = selectedIndex();
        int next = Math.max(0, Math.min(shown.size() - 1, (i < 0 ? 0 : i) + rows));
        selected = shown.get(next).id();
    }

    /** The first row to draw so the selection is visible in {@code height} rows. */
    public int scrollFor(int height) {
        int i = Math.max(0, selectedIndex());
        if (i < scroll) scroll = i;
        if (i >= scroll + height) scroll = i - height + 1;
        scroll = Math.max(0, Math.min(scroll, Math.max(0, shown.size() - height)));
        return scroll;
    }

    public Column sort() {
        return sort;
    }

    public boolean reversed() {
        return reversed;
    }

    public void sortBy(Column column) {
        sort = column;
        refresh();
    }

    public void nextSort() {
        sortBy(Column.values()[(sort.ordinal() + 1) % Column.values().length]);
    }

    public void reverse() {
        reversed = !reversed;
        refresh();
    }

    public String filter() {
        return filter;
    }

    public void filter(String text) {
        filter = text == null ? "" : text;
        refresh();
    }

    public void toggleMark() {
        if (selected == null) return;
        if (!marked.remove(selected)) marked.add(selected);
    }

    public boolean isMarked(String id) {
        return marked.contains(id);
    }

    /** The marked containers, or the selected one when none is marked: what a bulk action acts on. */
    public List<ContainerEntry> targets() {
        List<ContainerEntry> out = new ArrayList<>();
        for (String id : marked) if (entries.containsKey(id)) out.add(entries.get(id));
        if (out.isEmpty()) selected().ifPresent(out::add);
        return out;
    }

    public void clearMarks() {
        marked.clear();
    }

    private void refresh() {
        Comparator<ContainerEntry> order = sort.order().thenComparing(ContainerEntry::id);
        if (reversed) order = order.reversed();
        String f = filter.toLowerCase(Locale.ROOT);
        shown = entries.values().stream().filter(e -> f.isEmpty() || matches(e, f)).sorted(order).toList();
        if (selected == null || shown.stream().noneMatch(e -> e.id().equals(selected))) {
            selected = shown.isEmpty() ? (selected != null && entries.containsKey(selected) ? selected : null) : keepNear();
        }
    }

    private String keepNear() {
        return shown.get(Math.min(Math.max(0, scroll), shown.size() - 1)).id();
    }

    private static boolean matches(ContainerEntry e, String f) {
        for (Column c : Column.values()) if (c.text(e).toLowerCase(Locale.ROOT).contains(f)) return true;
        return e.id().startsWith(f);
    }
}
