package dev.purser.tui.dashboard;

import static dev.purser.tui.dashboard.PlainWords.plain;

import com.fasterxml.jackson.databind.JsonNode;
import dev.purser.tui.client.PurserClient;
import dev.purser.tui.dashboard.containers.ContainerEntry;
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
     * its first one are read again ({@code until} its timestamp, the last {@link #LOG_TAIL}) into
     * the older-lines view, which then shows instead of the live log. Its size is fixed: memory
     * does not grow however far back one goes.
     */
    void fetchOlder(LogView shown) {
        Optional<ContainerEntry> selected = state.containers.selected();
        if (fetchingOlder || selected.isEmpty() || shown.ring().size() == 0) return;
        String until = shown.ring().get(0).timestamp();
        if (until.isEmpty()) {
            state.message = "no older lines: the log has no timestamps";
            return;
        }
        String id = selected.get().id();
        fetchingOlder = true;
        state.message = "reading the lines before " + until + " ...";
        background.call(() -> {
            boolean tty = client.containers().inspect(id, false).path("Config").path("Tty").asBoolean();
            return streams.logs(id, "", tty, LOG_TAIL, false, until).toList().blockingGet();
        }, lines -> {
            fetchingOlder = false;
            if (!id.equals(logsFor)) return;
            // a line at the very instant of the first shown one may come again: drop what the view already starts with
            List<LogLine> before = lines.stream().filter(l -> earlier(l.timestamp(), until)).toList();
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

    private static boolean earlier(String timestamp, String than) {
        try {
            return java.time.Instant.parse(timestamp).isBefore(java.time.Instant.parse(than));
        } catch (java.time.format.DateTimeParseException e) {
            return true;
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
}
