package dev.purser.tui.dashboard;

import static dev.purser.tui.dashboard.Cells.pad;
import static dev.purser.tui.dashboard.Cells.put;

import com.fasterxml.jackson.databind.JsonNode;
import com.googlecode.lanterna.graphics.TextGraphics;
import dev.purser.tui.dashboard.containers.ContainerEntry;
import dev.purser.tui.dashboard.images.ContainerLayers;
import dev.purser.tui.dashboard.images.ImageLayers;
import dev.purser.tui.dashboard.log.LogView;
import dev.purser.tui.dashboard.stats.StatsSample;
import dev.purser.tui.dashboard.stats.StatsWindow;
import dev.purser.tui.dashboard.theme.Role;
import dev.purser.tui.dashboard.theme.Style;
import dev.purser.tui.dashboard.theme.Theme;
import dev.purser.tui.format.HumanSize;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** Draws the selected container's detail pane: its tabs, then the log, the JSON, the processes or the stats. */
final class DetailPane {
    private final Theme theme;
    private final LayerRows layerRows;

    DetailPane(Theme theme) {
        this.theme = theme;
        this.layerRows = new LayerRows(theme);
    }

    void draw(TextGraphics g, DashboardState state, int y, int w, int height) {
        Optional<ContainerEntry> selected = state.containers.selected();
        put(g, 0, y, w, "─".repeat(w), theme.style(Role.BORDER));
        int col = 1;
        for (DetailTab t : DetailTab.values()) {
            Role role = t == state.tab ? (state.detailFocus ? Role.TAB_ACTIVE : Role.HEADER) : Role.TAB;
            col = put(g, col, y, w, " " + t.title + " ", theme.style(role));
        }
        String about = selected.map(c -> " " + c.name() + " · " + c.state() + " ").orElse(" no container selected ");
        col = put(g, col + 1, y, w, about, theme.style(Role.DIM));
        LogView pane = state.pane();
        String flags = (pane.following() ? "" : " paused") + (pane.wrapping() ? " wrap" : "") + (pane.showingTimestamps() ? " time" : "")
                + (pane.query().isEmpty() ? "" : " /" + pane.query() + " (" + pane.matchCount() + ")")
                + (state.showingOlder && pane == state.older ? " older lines" : "");
        if (!flags.isEmpty() && w - flags.length() - 1 > col) put(g, w - flags.length() - 1, y, w, flags + " ", theme.style(Role.DIM));
        if (selected.isEmpty()) return;
        switch (state.tab) {
            case TOP -> drawTop(g, state.top, y + 1, w, height - 1);
            case STATS -> drawStats(g, state.stats, y + 1, w, height - 1);
            case LAYERS -> drawLayers(g, state, selected.get(), y + 1, w, height - 1);
            default -> pane.draw(g, 0, y + 1, w, height - 1, theme, SourceColours::of);
        }
    }

    private void drawTop(TextGraphics g, JsonNode top, int y, int w, int height) {
        if (top == null) {
            put(g, 2, y, w, "reading the processes ...", theme.style(Role.DIM));
            return;
        }
        List<String> titles = new ArrayList<>();
        top.path("Titles").forEach(t -> titles.add(t.asText()));
        int[] widths = new int[titles.size()];
        for (int i = 0; i < titles.size(); i++) widths[i] = Math.max(titles.get(i).length(), 3) + 2;
        for (JsonNode p : top.path("Processes")) {
            for (int i = 0; i < titles.size() && i < p.size(); i++) widths[i] = Math.max(widths[i], Math.min(24, p.get(i).asText().length() + 2));
        }
        if (widths.length > 0) widths[widths.length - 1] = Math.max(8, w - 2 - Arrays.stream(widths).sum() + widths[widths.length - 1]);
        Cells.header(g, y, w, titles.toArray(String[]::new), widths, theme.style(Role.HEADER));
        int r = 1;
        for (JsonNode p : top.path("Processes")) {
            if (r >= height) break;
            int col = 2;
            for (int i = 0; i < titles.size() && i < p.size(); i++) {
                col = put(g, col, y + r, Math.min(w, col + widths[i]), pad(p.get(i).asText(), widths[i]), theme.style(Role.NORMAL));
            }
            r++;
        }
    }

    /**
     * The container's writable layer on top, then its image's layers, newest first, from the
     * state's scroll position (kept so the last row is at the bottom at most).
     */
    private void drawLayers(TextGraphics g, DashboardState state, ContainerEntry selected, int y, int w, int height) {
        ContainerLayers layers = state.containerLayers;
        if (layers == null || !layers.containerId().equals(selected.id())) {
            put(g, 2, y, w, "reading the layers ...", theme.style(Role.DIM));
            return;
        }
        ImageLayers image = layers.image();
        List<LayerRows.Row> rows = new ArrayList<>();
        rows.add(new LayerRows.Row(layers.writableSize(), "this container", "(writable layer: what the container changed)", Role.HEADER));
        image.layers().forEach(l -> rows.add(LayerRows.Row.of(l)));
        // a line of summary and the header above the rows
        int visible = Math.max(1, height - 2);
        int first = Math.max(0, Math.min(state.containerLayersScroll, rows.size() - visible));
        state.containerLayersScroll = first;
        put(g, 2, y, w, selected.field("Image") + ": " + LayerRows.summary(image.layers(), image.savedBySharing())
                + "; this container's writable layer " + HumanSize.of(layers.writableSize()), theme.style(Role.DIM));
        if (first > 0 || first + visible < rows.size()) {
            // at the right end, over the summary's tail on a narrow screen: which rows these are matters more
            String where = " " + (first + 1) + "–" + Math.min(rows.size(), first + visible) + " of " + rows.size() + " ";
            put(g, Math.max(2, w - where.length()), y, w, where, theme.style(Role.HEADER));
        }
        layerRows.draw(g, rows.subList(first, rows.size()), y + 1, w, height - 1);
    }

    private void drawStats(TextGraphics g, StatsWindow stats, int y, int w, int height) {
        StatsSample last = stats.latest();
        if (last == null) {
            put(g, 2, y, w, "waiting for the first sample ...", theme.style(Role.DIM));
            return;
        }
        int spark = Math.max(10, w - 34);
        String[] labels = {"CPU", "MEM", "PIDS"};
        String[] values = {String.format("%6.2f%%", last.cpuPercent()),
            HumanSize.binary(last.memory()) + (last.memoryLimit() > 0 ? " / " + HumanSize.binary(last.memoryLimit()) : ""),
            Long.toString(last.pids())};
        String[] lines = {stats.sparkline(StatsSample::cpuPercent, 0, spark),
            stats.sparkline(StatsSample::memory, 0, spark),
            stats.sparkline(s -> s.pids(), 0, spark)};
        for (int i = 0; i < labels.length && 2 * i < height; i++) {
            int col = put(g, 2, y + 2 * i, w, pad(labels[i], 6), theme.style(Role.HEADER));
            col = put(g, col, y + 2 * i, w, pad(values[i], 26), theme.style(Role.NORMAL));
            put(g, col, y + 2 * i, w, lines[i], theme.style(Role.RUNNING));
        }
        if (2 * labels.length < height) {
            put(g, 2, y + 2 * labels.length, w, stats.size() + " samples, one a second; the last " + DashboardState.STATS_WINDOW + " are kept",
                    theme.style(Role.DIM));
        }
    }
}
