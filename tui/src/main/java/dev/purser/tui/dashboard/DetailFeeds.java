package dev.purser.tui.dashboard;

import static dev.purser.tui.dashboard.PlainWords.plain;

import com.fasterxml.jackson.databind.JsonNode;
import dev.purser.tui.client.PurserClient;
import dev.purser.tui.dashboard.containers.ContainerEntry;
import dev.purser.tui.dashboard.images.ContainerLayers;
import dev.purser.tui.dashboard.images.ImageLayers;
import dev.purser.tui.dashboard.log.LogLine;
import dev.purser.tui.dashboard.log.LogView;
import dev.purser.tui.dashboard.log.StyledText;
import dev.purser.tui.dashboard.stats.StatsSample;
import dev.purser.tui.dashboard.stream.EngineStreams;
import dev.purser.tui.dashboard.stream.UiBatcher;
import io.reactivex.rxjava3.core.Flowable;
import io.reactivex.rxjava3.schedulers.Schedulers;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The selected container's detail pane, fed from the engine: its log, its JSON, and its
 * processes or stats. Only the selected container streams, and Top and Stats only while their
 * tab shows.
 */
final class DetailFeeds {
    static final int LOG_TAIL = 1_000;

    private final PurserClient client;
    private final EngineStreams streams;
    private final UiLoop loop;
    private final Background background;
    private final DashboardState state;
    private UiBatcher<LogLine> logStream;
    private String logsFor;
    private String inspectFor;
    private String layersFor;
    private boolean fetchingOlder;
    private UiBatcher<?> tabStream;
    private String tabStreamFor;

    DetailFeeds(PurserClient client, EngineStreams streams, UiLoop loop, Background background, DashboardState state) {
        this.client = client;
        this.streams = streams;
        this.loop = loop;
        this.background = background;
        this.state = state;
    }

    /** After anything that may change the selection or the tab: feed what is now shown. */
    void selectionChanged() {
        loop.redraw();
        Optional<ContainerEntry> selected = state.containers.selected();
        String id = selected.map(ContainerEntry::id).orElse(null);
        if (state.view != View.CONTAINERS) return;
        DetailTab tab = state.tab;
        if (tab == DetailTab.LOGS && !Objects.equals(id, logsFor)) followLogs(selected);
        if (tab == DetailTab.INSPECT && !Objects.equals(id, inspectFor)) loadInspect(selected);
        if (tab == DetailTab.LAYERS && !Objects.equals(id, layersFor)) loadLayers(selected);
        String wanted = (tab == DetailTab.TOP || tab == DetailTab.STATS) && id != null ? tab + " " + id : null;
        if (!Objects.equals(wanted, tabStreamFor)) followTab(wanted == null ? null : id);
    }

    /** The container {@code id} (re)started: its log is a new stream. */
    void started(String id) {
        if (id.equals(logsFor)) {
            logsFor = null;
            selectionChanged();
        }
    }

    /** Stops every stream; the next {@link #selectionChanged()} starts what is shown again. */
    void stop() {
        if (logStream != null) logStream.cancel();
        logStream = null;
        logsFor = null;
        if (tabStream != null) tabStream.cancel();
        tabStream = null;
        tabStreamFor = null;
    }

    private void followTab(String id) {
        if (tabStream != null) tabStream.cancel();
        tabStream = null;
        state.top = null;
        state.stats.clear();
        tabStreamFor = id == null ? null : state.tab + " " + id;
        if (id == null) return;
        String forWhat = tabStreamFor;
        if (state.tab == DetailTab.TOP) {
            UiBatcher<JsonNode> b = new UiBatcher<>(loop, 2, batch -> {
                if (forWhat.equals(tabStreamFor)) state.top = batch.get(batch.size() - 1);
                loop.redraw();
            }, end -> {
                if (end != null && forWhat.equals(tabStreamFor)) state.failed("top: " + plain(end));
            });
            tabStream = b;
            streams.top(id, 2).subscribe(b);
        } else {
            UiBatcher<JsonNode> b = new UiBatcher<>(loop, 16, batch -> {
                if (!forWhat.equals(tabStreamFor)) return;
                for (JsonNode doc : batch) state.stats.add(StatsSample.of(doc));
                loop.redraw();
            }, end -> {
                if (end != null && forWhat.equals(tabStreamFor)) state.failed("stats: " + plain(end));
            });
            tabStream = b;
            streams.stats(id).subscribe(b);
        }
    }

    /**
     * Scrolled past the start of {@code shown} (the live log or older lines): the lines before
     * its first one are read again ({@code until} its timestamp; the last {@link #LOG_TAIL} kept) into
     * the older-lines view, which then shows instead of the live log. Its size is fixed: memory
     * does not grow however far back one goes.
     */
    void fetchOlder(LogView shown) {
        Optional<ContainerEntry> selected = state.containers.selected();
        if (fetchingOlder || selected.isEmpty() || shown.ring().size() == 0) return;
        String until = shown.ring().get(0).timestamp();
        java.time.Instant boundary = instant(until);
        if (boundary == null) {
            state.message = "no older lines: the log has no timestamps";
            return;
        }
        // lines read in one go share a timestamp: the ones at the first shown line's instant are read too
        // (until is one nanosecond later), and those already shown are dropped below
        int alreadyShown = 0;
        while (alreadyShown < shown.ring().size() && boundary.equals(instant(shown.ring().get(alreadyShown).timestamp()))) alreadyShown++;
        int skip = alreadyShown;
        String untilAfter = boundary.plusNanos(1).toString();
        String id = selected.get().id();
        fetchingOlder = true;
        state.message = "reading the lines before " + until + " ...";
        background.call(() -> {
            boolean tty = client.containers().inspect(id, false).path("Config").path("Tty").asBoolean();
            // the daemon takes the tail of the whole log before it applies until (as Docker does), so every
            // line before until is read, and only the last LOG_TAIL of them kept: memory stays bounded
            java.util.ArrayDeque<LogLine> last = new java.util.ArrayDeque<>(LOG_TAIL);
            streams.logs(id, "", tty, Integer.MAX_VALUE, false, untilAfter).blockingForEach(l -> {
                if (last.size() == LOG_TAIL) last.removeFirst();
                last.addLast(l);
            });
            return List.copyOf(last);
        }, lines -> {
            fetchingOlder = false;
            if (!id.equals(logsFor)) return;
            List<LogLine> before = new ArrayList<>(lines.stream().filter(l -> notAfter(l.timestamp(), boundary)).toList());
            for (int i = 0; i < skip && !before.isEmpty() && boundary.equals(instant(before.get(before.size() - 1).timestamp())); i++) {
                before.remove(before.size() - 1);
            }
            if (before.isEmpty()) {
                state.message = "no lines before " + until;
                return;
            }
            state.older.clear();
            state.older.append(before);
            // at the end of the older lines, held there: the next line up is the one before
            state.older.toEnd();
            state.older.toggleFollow();
            state.showingOlder = true;
            state.message = before.size() + " older lines, up to " + until + "; the to-end key (G) goes back to the live log";
        }, e -> {
            fetchingOlder = false;
            state.failed("older lines: " + plain(e));
        });
    }

    private static boolean notAfter(String timestamp, java.time.Instant than) {
        java.time.Instant t = instant(timestamp);
        return t == null || !t.isAfter(than);
    }

    private static java.time.Instant instant(String timestamp) {
        try {
            return timestamp.isEmpty() ? null : java.time.Instant.parse(timestamp);
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }

    /** Back from the older lines to the live log, at its end. */
    void backToLive() {
        state.showingOlder = false;
        state.older.clear();
        state.logs.toEnd();
    }

    private void followLogs(Optional<ContainerEntry> selected) {
        if (logStream != null) logStream.cancel();
        logStream = null;
        state.logs.clear();
        state.showingOlder = false;
        state.older.clear();
        logsFor = selected.map(ContainerEntry::id).orElse(null);
        if (selected.isEmpty()) return;
        String id = selected.get().id();
        boolean follow = selected.get().running() || selected.get().state().equals("paused") || selected.get().state().equals("restarting");
        Flowable<LogLine> lines = Flowable.fromCallable(() -> client.containers().inspect(id, false).path("Config").path("Tty").asBoolean())
                .subscribeOn(Schedulers.io())
                .concatMap(tty -> streams.logs(id, "", tty, LOG_TAIL, follow));
        UiBatcher<LogLine> batcher = new UiBatcher<>(loop, 2048, batch -> {
            state.logs.append(batch);
            loop.redraw();
        }, end -> {
            if (end != null && id.equals(logsFor)) state.failed("logs of " + selected.get().name() + ": " + plain(end));
        });
        logStream = batcher;
        lines.subscribe(batcher);
    }

    private void loadInspect(Optional<ContainerEntry> selected) {
        state.inspect.clear();
        inspectFor = selected.map(ContainerEntry::id).orElse(null);
        if (selected.isEmpty()) return;
        String id = selected.get().id();
        background.call(() -> client.engine().json().writerWithDefaultPrettyPrinter().writeValueAsString(client.containers().inspect(id, false)),
                json -> {
                    if (!id.equals(inspectFor)) return;
                    List<LogLine> lines = new ArrayList<>();
                    json.lines().forEach(l -> lines.add(new LogLine("", false, "", StyledText.plain(l))));
                    state.inspect.append(lines);
                    state.inspect.toStart();
                });
    }

    /**
     * The container's writable layer size (inspect with size: it walks the layer) and its image's
     * layers with their sharing counts (every image is inspected for those, as in the images view).
     */
    private void loadLayers(Optional<ContainerEntry> selected) {
        state.containerLayers = null;
        state.containerLayersScroll = 0;
        layersFor = selected.map(ContainerEntry::id).orElse(null);
        if (selected.isEmpty()) return;
        String id = selected.get().id();
        background.call(() -> {
            JsonNode container = client.containers().inspect(id, true);
            ImageLayers image = ImagesFeed.layersOf(client, container.path("Image").asText());
            return new ContainerLayers(id, container.path("SizeRw").asLong(), image);
        }, layers -> {
            if (id.equals(layersFor)) state.containerLayers = layers;
        });
    }
}
