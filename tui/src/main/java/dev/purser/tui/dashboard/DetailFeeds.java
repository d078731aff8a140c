package dev.purser.tui.dashboard;

import static dev.purser.tui.dashboard.PlainWords.plain;

import com.fasterxml.jackson.databind.JsonNode;
import dev.purser.tui.client.PurserClient;
import dev.purser.tui.dashboard.containers.ContainerEntry;
import dev.purser.tui.dashboard.images.ContainerLayers;
import dev.purser.tui.dashboard.images.ImageLayers;
import dev.purser.tui.dashboard.log.LogLine;
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

    private void followLogs(Optional<ContainerEntry> selected) {
        if (logStream != null) logStream.cancel();
        logStream = null;
        state.logs.clear();
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
