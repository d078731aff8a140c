package dev.purser.tui.dashboard.containers;

import dev.purser.tui.dashboard.stats.StatsSample;
import java.time.Instant;
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
    private int visibleRows;

    /** Replaces everything with a fresh listing. */
    public void replaceAll(Collection<ContainerEntry> fresh) {
        Map<String, ContainerEntry> old = new HashMap<>(entries);
        entries.clear();
        fresh.forEach(e -> entries.put(e.id(), carried(old.get(e.id()), e)));
        marked.retainAll(entries.keySet());
        refresh();
    }

    /** One container changed (or appeared). */
    public void put(ContainerEntry entry) {
        entries.put(entry.id(), carried(entries.get(entry.id()), entry));
        refresh();
    }

    /** The container (re)started: its start time is to be read again. */
    public void putStarted(ContainerEntry entry) {
        ContainerEntry old = entries.get(entry.id());
        entries.put(entry.id(), old == null || old.usage() == null ? entry : entry.withUsage(old.usage()));
        refresh();
    }

    /** New stats readings and start times, by container id (containers gone since are left out). */
    public void readings(Map<String, StatsSample> usage, Map<String, Instant> started) {
        usage.forEach((id, u) -> entries.computeIfPresent(id, (k, e) -> e.withUsage(u)));
        started.forEach((id, t) -> entries.computeIfPresent(id, (k, e) -> e.withStartedAt(t)));
        refresh();
    }

    /** The rows the list showed when last drawn: whose stats are worth reading. */
    public List<ContainerEntry> visible() {
        int from = Math.min(scroll, shown.size());
        return shown.subList(from, Math.min(shown.size(), from + visibleRows));
    }

    /** What a fresh entry does not know yet (the last stats, the start time) is kept from the entry it replaces. */
    private static ContainerEntry carried(ContainerEntry old, ContainerEntry fresh) {
        if (old == null) return fresh;
        ContainerEntry e = fresh;
        if (e.usage() == null && old.usage() != null) e = e.withUsage(old.usage());
        if (e.startedAt() == null && old.startedAt() != null) e = e.withStartedAt(old.startedAt());
        return e;
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

    /** Selects the container {@code id} when it is shown. */
    public void select(String id) {
        if (shown.stream().anyMatch(e -> e.id().equals(id))) selected = id;
    }

    public void move(int rows) {
        if (shown.isEmpty()) return;
        int i = selectedIndex();
        int next = Math.max(0, Math.min(shown.size() - 1, (i < 0 ? 0 : i) + rows));
        selected = shown.get(next).id();
    }

    /** The first row to draw so the selection is visible in {@code height} rows. */
    public int scrollFor(int height) {
        visibleRows = height;
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

    /** Sorts by the column after the current one among {@code among} (the columns on screen). */
    public void nextSort(List<Column> among) {
        int i = among.indexOf(sort);
        sortBy(among.get((i + 1) % among.size()));
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
        for (Column c : Column.values()) if (!c.live() && c.text(e).toLowerCase(Locale.ROOT).contains(f)) return true;
        return e.id().startsWith(f);
    }
}
